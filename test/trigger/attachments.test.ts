// The files of an inbound MMS as binary data: byte for byte, named and typed, downloaded through the
// transport (authenticated, paced), and the token never sent to a host an event names.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IRun } from 'n8n-workflow';

import { fileBytes, sha256 } from '../../dev/harness/binary';
import { useStoredBinaryData } from '../../dev/harness/engine';
import { useEmulator } from '../../dev/harness/lifecycle';
import { credentialStore } from '../../dev/harness/setup';
import { TriggerHarness, triggerParameters } from '../../dev/harness/trigger';

const emulator = useEmulator();
const CUSTOMER = '+14155550142';
const photo = fileBytes(3000, 1);
const pdf = fileBytes(7000, 2);
let trigger: TriggerHarness;

async function start(options = {}) {
	const credentials = credentialStore(emulator);
	trigger = await TriggerHarness.start({ parameters: triggerParameters(options), credentials });
	await trigger.activate();
	return credentials;
}

afterEach(async () => await trigger?.stop());

async function receive(files = [{ fileName: 'photo.png', contentType: 'image/png', data: photo }, { fileName: 'offer.pdf', contentType: 'application/pdf', data: pdf }], text = 'Here you go') {
	const { message } = await emulator.injectInboundSms({ from: CUSTOMER, text, attachments: files });
	await trigger.settled();
	expect(trigger.executions).toHaveLength(1);
	return { message, item: trigger.executions[0].items[0], run: trigger.executions[0].run };
}

const bytesOf = async (binary: IBinaryData) => await Container.get(BinaryDataService).getAsBuffer(binary);
const contentRequests = () => emulator.requests({ method: 'GET', path: /\/content\/\d+$/ });

describe('an inbound MMS', () => {
	test('yields each file as binary data, byte for byte, with its name and type, under attachment_0, attachment_1', async () => {
		await start();
		const { item } = await receive();
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_0', 'attachment_1']);
		expect(item.binary!.attachment_0).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
		expect(item.binary!.attachment_1).toMatchObject({ fileName: 'offer.pdf', mimeType: 'application/pdf' });
		expect(sha256(await bytesOf(item.binary!.attachment_0))).toBe(sha256(photo));
		expect(sha256(await bytesOf(item.binary!.attachment_1))).toBe(sha256(pdf));
		const attachments = item.json.attachments as Record<string, unknown>[];
		expect(attachments.map((a) => [a.type, a.binaryProperty])).toEqual([['Text', undefined], ['MmsAttachment', 'attachment_0'], ['MmsAttachment', 'attachment_1']]);
		expect(item.json.text).toBe('Here you go');
	});

	test('downloads through RingCentral\'s content endpoint with the bearer token, in the Medium group; the text is not downloaded', async () => {
		await start();
		await receive();
		expect(contentRequests()).toHaveLength(2);
		for (const request of contentRequests()) {
			expect(request).toMatchObject({ status: 200, group: 'Medium' });
			expect(request.path).toMatch(/^\/restapi\/v1\.0\/account\/100\/extension\/101\/message-store\/\d+\/content\/\d+$/);
			expect(request.headers.authorization).toMatch(/^Bearer /);
		}
	});

	test('a file without a name is named from its type; Binary Field Prefix renames the properties', async () => {
		await start({ binaryPropertyPrefix: 'file' });
		const { item } = await receive([{ contentType: 'image/jpeg', data: photo } as never, { fileName: 'a/b:c.pdf', contentType: 'application/pdf', data: pdf }]);
		expect(item.binary!.file0).toMatchObject({ fileName: 'attachment-1.jpg', mimeType: 'image/jpeg' });
		expect(item.binary!.file1.fileName).toBe('a_b_c.pdf');
	});

	test('with Download Attachments off, the item lists the files and nothing is downloaded', async () => {
		await start({ downloadAttachments: false });
		const { item, message } = await receive();
		expect(item.binary).toBeUndefined();
		expect(item.json.attachments).toEqual(message.body.attachments);
		expect(contentRequests()).toHaveLength(0);
	});

	test('a file RingCentral will not give keeps its entry with downloadError; the other files and the execution go on', async () => {
		await start();
		emulator.injectFault({ method: 'GET', path: /\/content\/\d+$/, count: 1, fault: { kind: 'status', status: 404 } });
		const { item } = await receive();
		const attachments = item.json.attachments as Record<string, unknown>[];
		expect(attachments[1].downloadError).toMatch(/CMN-102/);
		expect(attachments[2].binaryProperty).toBe('attachment_1');
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment_1']);
	});

	test('with a tight Medium limit, downloads wait their turn and all arrive', async () => {
		await start();
		emulator.setRateLimit('Medium', { limit: 2, windowSeconds: 0.3 });
		const files = [1, 2, 3, 4, 5].map((n) => ({ fileName: `p${n}.png`, contentType: 'image/png', data: fileBytes(500 + n, n) }));
		const { item } = await receive(files, '');
		for (const [n, file] of files.entries()) expect(sha256(await bytesOf(item.binary![`attachment_${n}`]))).toBe(sha256(file.data));
	});
});

describe('the token goes only to RingCentral', () => {
	let spy: Server;
	let spyUrl = '';
	const spyRequests: string[] = [];
	beforeAll(async () => {
		spy = createServer((req, res) => (spyRequests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`), res.end('stolen')));
		await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
		spyUrl = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise((resolve) => spy.close(resolve)));

	test('an attachment URI on another host is refused before sending: the item says why, the host hears nothing', async () => {
		await start();
		const [subscription] = emulator.subscriptions.list();
		const body = {
			id: '7',
			from: { phoneNumber: CUSTOMER },
			to: [{ phoneNumber: '+16505550100' }],
			direction: 'Inbound',
			type: 'SMS',
			attachments: [
				{ id: 1, uri: `${spyUrl}/restapi/v1.0/account/100/extension/101/message-store/7/content/1`, type: 'MmsAttachment', contentType: 'image/png' },
				{ id: 2, uri: `${spyUrl}/elsewhere/picture.png`, type: 'MmsAttachment', contentType: 'image/png' },
			],
		};
		const event = { uuid: 'u', event: '/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS', subscriptionId: subscription.id, ownerId: '101', body };
		const res = await fetch(trigger.productionUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Verification-Token': subscription.verificationToken! }, body: JSON.stringify(event) });
		expect(res.status).toBe(200);
		await trigger.settled();
		const attachments = trigger.executions[0].items[0].json.attachments as Record<string, string>[];
		expect(attachments[0].downloadError).toMatch(/Refused to send the RingCentral token to http:\/\/127\.0\.0\.1:\d+/);
		expect(attachments[1].downloadError).toMatch(/is not a RingCentral message attachment/);
		expect(spyRequests).toEqual([]);
	});
});

/** Everything n8n stores of a run, errors included. */
function serialize(run: IRun): string {
	return JSON.stringify(run, (_key, value: unknown) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value));
}

test('secrets never appear in execution data: not the verification token, the bearer token, the JWT or the client secret', async () => {
	const credentials = await start();
	const { run } = await receive();
	const stored = serialize(run) + JSON.stringify(trigger.staticData);
	const jwt = credentials.stored.ringCentralJwtApi;
	const bearer = emulator.journal.map((entry) => /^Bearer (.+)$/.exec(entry.headers.authorization ?? '')?.[1]).filter(Boolean) as string[];
	const secrets = [emulator.subscriptions.list()[0].verificationToken!, jwt.jwt as string, jwt.clientSecret as string, jwt.accessToken as string, jwt.refreshToken as string, ...bearer];
	expect(secrets.length).toBeGreaterThanOrEqual(6);
	for (const secret of secrets) expect(stored).not.toContain(secret);
});

test('in n8n\'s filesystem binary mode (as real n8n 2.x runs) the files are stored byte for byte', async () => {
	await useStoredBinaryData();
	await start();
	const { item } = await receive();
	expect(item.binary!.attachment_0.id).toMatch(/^filesystem-v2:/);
	expect(sha256(await bytesOf(item.binary!.attachment_0))).toBe(sha256(photo));
	expect(sha256(await bytesOf(item.binary!.attachment_1))).toBe(sha256(pdf));
});
