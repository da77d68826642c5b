import type { INodeParameters } from 'n8n-workflow';

import { listSearch, runRingCentral } from '../../../dev/harness/engine';
import { A2P_SENDER, credentialStore, highVolumeParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';

// One message a second becomes 1 ms; delivery 2 ms after sending.
const emulator = useEmulator({ a2p: { timeScale: 0.001 } }, 'test');

const phone = (i: number) => `+1415${String(5550000 + i)}`;
const read = (operation: string, parameters: INodeParameters = {}) =>
	runRingCentral({ parameters: { authentication: 'jwt', resource: 'highVolumeSms', operation, options: {}, ...parameters }, credentials: credentialStore(emulator) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const listRequests = () => emulator.requests({ method: 'GET', path: /a2p-sms\/messages$/ });

/** Sends `count` texts in one batch through the node; returns the batch ID. */
async function sendBatch(count: number): Promise<string> {
	const items = Array.from({ length: count }, (_, i) => ({ json: { phone: phone(i), text: 'Spring sale' } }));
	const { output, error } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items });
	if (error) throw error;
	return output[0].json.batchId as string;
}

describe('Get Batch', () => {
	test('status, processed count and, once completed, the cost', async () => {
		const batchId = await sendBatch(3);
		await sleep(20);
		const { output, error } = await read('getBatch', { batchId });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ id: batchId, from: A2P_SENDER, batchSize: 3, processedCount: 3, status: 'Completed', cost: 0.021 });
		expect(emulator.requests({ method: 'GET', path: `/restapi/v1.0/account/~/a2p-sms/batches/${batchId}` })).toHaveLength(1);
	});

	test('an empty or malformed Batch ID is refused before any request', async () => {
		for (const batchId of ['={{ "" }}', '../phone-number']) {
			const { error } = await read('getBatch', { batchId });
			expect(error?.message).toMatch(/^Invalid Batch ID/);
		}
		expect(emulator.requests({ path: /a2p-sms/ })).toHaveLength(0);
	});
});

describe('Get Many Messages', () => {
	test('Return All reads every page by pageToken: one item per message with its status', async () => {
		const batchId = await sendBatch(2500);
		const { output, error } = await read('getManyMessages', { batchId, returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(2500);
		expect(new Set(output.map((item) => (item.json.to as string[])[0])).size).toBe(2500);
		expect(output[0].json).toMatchObject({ batchId, from: A2P_SENDER, messageStatus: expect.stringMatching(/^(Queued|Sent|Delivered)$/), direction: 'Outbound' });
		const pages = listRequests();
		expect(pages.map((request) => [request.query.perPage, request.query.pageToken !== undefined])).toEqual([
			['1000', false],
			['1000', true],
			['1000', true],
		]);
		expect(pages.every((request) => request.query.batchId === batchId && request.query.page === undefined)).toBe(true);
	});

	test('Limit stops reading once reached', async () => {
		const batchId = await sendBatch(1200);
		const { output } = await read('getManyMessages', { batchId, returnAll: false, limit: 1100 });
		expect(output).toHaveLength(1100);
		expect(listRequests()).toHaveLength(2);
	});

	test('the Message Status filter keeps failed deliveries, with their error code', async () => {
		emulator.a2p.failDelivery(phone(1), 'SMS-CAR-411');
		emulator.a2p.failDelivery(phone(4), 'SMS-RC-410');
		const batchId = await sendBatch(6);
		await sleep(30);
		const { output } = await read('getManyMessages', { batchId, returnAll: true, filters: { messageStatus: ['DeliveryFailed'] } });
		expect(output.map((item) => [(item.json.to as string[])[0], item.json.errorCode]).sort()).toEqual([
			[phone(1), 'SMS-CAR-411'],
			[phone(4), 'SMS-RC-410'],
		]);
	});

	test('a date range, phone numbers and Include Text go to RingCentral as its query', async () => {
		await sendBatch(3);
		const dateFrom = new Date(Date.now() - 60_000).toISOString();
		const dateTo = new Date(Date.now() + 60_000).toISOString();
		const { output } = await read('getManyMessages', {
			batchId: '',
			returnAll: true,
			filters: { dateFrom, dateTo, phoneNumbers: `${phone(0)}, (415) 555-0002`, direction: 'Outbound' },
			options: { includeText: true },
		});
		expect(output.map((item) => [(item.json.to as string[])[0], item.json.text]).sort()).toEqual([
			[phone(0), 'Spring sale'],
			[phone(2), 'Spring sale'],
		]);
		expect(listRequests()[0].query).toMatchObject({ dateFrom, dateTo, direction: 'Outbound', view: 'Detailed' });
		expect(listRequests()[0].query.batchId).toBeUndefined();

		const later = await read('getManyMessages', { returnAll: true, filters: { dateFrom: new Date(Date.now() + 3_600_000).toISOString() } });
		expect(later.output).toHaveLength(0);
	});

	test('dates in the wrong order and more than 15 numbers are refused before any request', async () => {
		const swapped = await read('getManyMessages', { returnAll: true, filters: { dateFrom: '2025-02-01T00:00:00Z', dateTo: '2025-01-01T00:00:00Z' } });
		expect(swapped.error?.message).toMatch(/^Invalid Date From .*after Date To/);
		const many = Array.from({ length: 16 }, (_, i) => phone(i)).join(',');
		const tooMany = await read('getManyMessages', { returnAll: true, filters: { phoneNumbers: many } });
		expect(tooMany.error?.message).toMatch(/16 numbers, but RingCentral filters by at most 15/);
		expect(listRequests()).toHaveLength(0);
	});
});

describe('Get Opt-Outs', () => {
	const from = { __rl: true, mode: 'list', value: A2P_SENDER };

	test('the recipients who opted out from the sender, every page, one item each', async () => {
		for (let i = 0; i < 1500; i++) emulator.a2p.optOut(A2P_SENDER, phone(i));
		emulator.a2p.optOut('+18445550120', phone(9000));
		const { output, error } = await read('getOptOuts', { from, returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1500);
		expect(output[0].json).toEqual({ from: A2P_SENDER, to: phone(0), status: 'OptOut', source: 'Recipient' });
		const requests = emulator.requests({ method: 'GET', path: /a2p-sms\/opt-outs$/ });
		expect(requests.map((request) => [request.query.from, request.query.status, request.query.pageToken !== undefined])).toEqual([
			[A2P_SENDER, 'optout', false],
			[A2P_SENDER, 'optout', true],
		]);
	});

	test('Limit and the Opted In status', async () => {
		for (let i = 0; i < 5; i++) emulator.a2p.optOut(A2P_SENDER, phone(i));
		emulator.a2p.optIn(A2P_SENDER, phone(3));
		expect((await read('getOptOuts', { from, returnAll: false, limit: 2 })).output).toHaveLength(2);
		const optedIn = await read('getOptOuts', { from, returnAll: true, options: { status: 'optin' } });
		expect(optedIn.output.map((item) => item.json.to)).toEqual([phone(3)]);
	});
});

describe('From list', () => {
	test('High Volume SMS lists only the A2PSmsSender numbers', async () => {
		const result = await listSearch('getA2pSmsSenders', highVolumeParameters(), credentialStore(emulator));
		expect(result.results).toEqual([
			{ name: '+16505550120 · Campaigns (10DLC)', value: '+16505550120' },
			{ name: '+18445550120 · Campaigns (toll-free)', value: '+18445550120' },
		]);
	});
});
