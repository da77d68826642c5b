// Webhook subscriptions: the validation handshake, RingCentral's limits and codes, delivery with the
// verification token, blacklisting, and inbound attachment downloads.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SUBSCRIPTION_LIMITS } from '../../dev/emulator';
import { call, login, sha256 } from '../../dev/emulator/client';
import { useEmulator } from '../../dev/harness/lifecycle';

const emu = useEmulator();
const FILTER = '/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS';

interface Received {
	headers: IncomingMessage['headers'];
	body: any;
}

/** A webhook endpoint whose answer each test chooses; it records what it received. */
class Receiver {
	received: Received[] = [];
	answer: (req: IncomingMessage, res: ServerResponse) => void = (req, res) => {
		const token = req.headers['validation-token'];
		if (token) res.setHeader('Validation-Token', token);
		res.end();
	};
	private server?: Server;
	url = '';

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			let text = '';
			req.on('data', (chunk) => (text += chunk));
			req.on('end', () => {
				this.received.push({ headers: req.headers, body: text ? JSON.parse(text) : undefined });
				this.answer(req, res);
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}
}

const receiver = new Receiver();
let token: string;

beforeAll(async () => {
	await receiver.start();
	token = await login(emu);
});
afterAll(async () => await receiver.stop());
beforeEach(() => {
	receiver.received = [];
	receiver.answer = new Receiver().answer;
});

function api(method: string, path: string, body?: unknown, bearer = token) {
	const headers: Record<string, string> = { Authorization: `Bearer ${bearer}` };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	return call(emu, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const subscribe = (overrides: Record<string, unknown> = {}, mode: Record<string, unknown> = {}) =>
	api('POST', '/restapi/v1.0/subscription', {
		eventFilters: [FILTER],
		deliveryMode: { transportType: 'WebHook', address: receiver.url, verificationToken: 'verify-me-123', ...mode },
		...overrides,
	});

describe('creating a WebHook subscription', () => {
	it('validates the address with a Validation-Token request first, then answers SubscriptionInfo without the verification token', async () => {
		const reply = await subscribe({ expiresIn: SUBSCRIPTION_LIMITS.maxWebHookExpiresIn });
		expect(reply.status).toBe(200);
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].headers['validation-token']).toMatch(/^[0-9a-f-]{36}$/);
		expect(reply.json).toMatchObject({
			status: 'Active',
			eventFilters: ['/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS'],
			deliveryMode: { transportType: 'WebHook', address: receiver.url },
			expiresIn: SUBSCRIPTION_LIMITS.maxWebHookExpiresIn,
		});
		expect(reply.text).not.toContain('verify-me-123');
		expect(emu.subscriptions.handshakes[0]).toMatchObject({ status: 200, failedWith: undefined });
	});

	it('lives 604800 s when no expiresIn is given; more than 10 years is refused', async () => {
		expect((await subscribe()).json.expiresIn).toBe(SUBSCRIPTION_LIMITS.defaultExpiresIn);
		const tooLong = await subscribe({ expiresIn: SUBSCRIPTION_LIMITS.maxWebHookExpiresIn + 1 });
		expect(tooLong.status).toBe(400);
		expect(tooLong.json.errors[0]).toMatchObject({ errorCode: 'CMN-101', parameterName: 'expiresIn' });
	});

	type Answer = (req: IncomingMessage, res: ServerResponse) => void;
	it.each<{ name: string; code: string; answer: Answer }>([
		{ name: 'no echoed token', code: 'SUB-520', answer: (_req, res) => res.end() },
		{ name: 'an error status', code: 'SUB-525', answer: (_req, res) => ((res.statusCode = 500), res.end()) },
		{ name: 'over 1024 bytes', code: 'SUB-525', answer: (req, res) => (res.setHeader('Validation-Token', String(req.headers['validation-token'])), res.end('x'.repeat(1100))) },
		{ name: 'a dropped connection', code: 'SUB-521', answer: (req) => req.socket.destroy() },
	])('an answer with $name fails with $code, and no subscription exists', async ({ answer, code }) => {
		receiver.answer = answer;
		const reply = await subscribe();
		expect(reply.status).toBe(400);
		expect(reply.json.errors[0].errorCode).toBe(code);
		expect(emu.subscriptions.list()).toHaveLength(0);
	});

	it('refuses plain http outside loopback (SUB-523) and unknown event filters (CMN-101) without calling the address', async () => {
		const http = await subscribe({}, { address: 'http://example.com/hook' });
		expect(http.json.errors[0].errorCode).toBe('SUB-523');
		const filter = await subscribe({ eventFilters: ['/restapi/v1.0/account/~/extension/~/presence'] });
		expect(filter.json.errors[0]).toMatchObject({ errorCode: 'CMN-101', parameterName: 'eventFilters' });
		expect(receiver.received).toHaveLength(0);
	});

	it(`allows ${SUBSCRIPTION_LIMITS.perUserAndApp} per user and app; the next gets 403 SUB-505`, async () => {
		for (let i = 0; i < SUBSCRIPTION_LIMITS.perUserAndApp; i++) expect((await subscribe()).status).toBe(200);
		const over = await subscribe();
		expect(over.status).toBe(403);
		expect(over.json.errors[0].errorCode).toBe('SUB-505');
	});
});

describe('reading, renewing and deleting', () => {
	it('reads, lists, renews and deletes; a second delete answers 404', async () => {
		const { id } = (await subscribe()).json;
		expect((await api('GET', `/restapi/v1.0/subscription/${id}`)).json).toMatchObject({ id, status: 'Active' });
		expect((await api('GET', '/restapi/v1.0/subscription')).json.records.map((r: { id: string }) => r.id)).toEqual([id]);
		expect((await api('PUT', `/restapi/v1.0/subscription/${id}`, { expiresIn: 3600 })).json.expiresIn).toBe(3600);
		expect((await api('POST', `/restapi/v1.0/subscription/${id}/renew`)).status).toBe(200);
		expect((await api('DELETE', `/restapi/v1.0/subscription/${id}`)).status).toBe(204);
		const again = await api('DELETE', `/restapi/v1.0/subscription/${id}`);
		expect(again.status).toBe(404);
		expect(again.json.errors[0].errorCode).toBe('CMN-102');
	});

	it('shows a blacklisted one with its reason; an expired one is gone', async () => {
		const first = (await subscribe()).json.id;
		const second = (await subscribe()).json.id;
		emu.subscriptions.blacklist(first, 'test');
		emu.subscriptions.expire(second);
		expect((await api('GET', `/restapi/v1.0/subscription/${first}`)).json).toMatchObject({ status: 'Blacklisted', blacklistedData: { reason: 'test' } });
		expect((await api('GET', `/restapi/v1.0/subscription/${second}`)).status).toBe(404);
	});
});

describe('delivering inbound messages', () => {
	it('POSTs the instant message event with the verification token to each active subscription', async () => {
		const { id } = (await subscribe()).json;
		receiver.received = [];
		const { deliveries } = await emu.injectInboundSms({ from: '+14155550123', text: 'Hi there' });
		expect(deliveries).toEqual([expect.objectContaining({ subscriptionId: id, status: 200, blacklisted: false })]);
		const [event] = receiver.received;
		expect(event.headers['verification-token']).toBe('verify-me-123');
		expect(event.body).toMatchObject({
			subscriptionId: id,
			ownerId: '101',
			event: '/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS',
			body: { from: { phoneNumber: '+14155550123' }, to: [{ phoneNumber: '+16505550100' }], subject: 'Hi there', direction: 'Inbound', messageStatus: 'Received' },
		});
	});

	it('blacklists a subscription whose delivery is not answered 200, and delivers nothing to it afterwards', async () => {
		const { id } = (await subscribe()).json;
		receiver.answer = (_req, res) => ((res.statusCode = 503), res.end());
		const first = await emu.injectInboundSms({ from: '+14155550123', text: 'One' });
		expect(first.deliveries[0]).toMatchObject({ status: 503, blacklisted: true });
		expect(emu.subscriptions.get(id)?.status).toBe('Blacklisted');
		expect((await emu.injectInboundSms({ from: '+14155550123', text: 'Two' })).deliveries).toHaveLength(0);
	});

	it('serves an MMS attachment byte for byte with its type, to a bearer of the extension only', async () => {
		const photo = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) & 0xff));
		const { message } = await emu.injectInboundSms({ from: '+14155550123', attachments: [{ fileName: 'cat.jpg', contentType: 'image/jpeg', data: photo }] });
		const [attachment] = message.body.attachments as { uri: string; type: string; size: number }[];
		expect(attachment).toMatchObject({ type: 'MmsAttachment', size: photo.length });
		const path = new URL(attachment.uri).pathname;
		const res = await fetch(`${emu.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
		expect(res.headers.get('content-type')).toBe('image/jpeg');
		expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(photo));
		expect((await fetch(`${emu.url}${path}`)).status).toBe(401);
		expect((await api('GET', path.replace(/\/\d+$/, '/999'))).status).toBe(404);
	});
});

test('the control API over HTTP (POST /emulator/inbound-sms) injects a text with files for an emulator in another process', async () => {
	const reply = await call(emu, '/emulator/inbound-sms', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ from: '+14155550123', text: 'hi', attachments: [{ fileName: 'a.txt', contentType: 'text/plain', base64: Buffer.from('file').toString('base64') }] }),
	});
	expect(reply.status).toBe(200);
	expect(reply.json.message).toMatchObject({ subject: 'hi', from: { phoneNumber: '+14155550123' } });
	expect(emu.inbound[0].body.attachments).toHaveLength(2);
	const bad = await call(emu, '/emulator/inbound-sms', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from: 'nobody' }) });
	expect(bad.status).toBe(400);
});
