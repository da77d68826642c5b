// High Volume SMS endpoints over raw HTTP: validation, rejected[] only in the create answer, statuses over time, opt-outs, page tokens.
import { useEmulator } from '../../dev/harness/lifecycle';
import { A2P_LIMITS, DEFAULT_A2P_FROM, DEFAULT_FROM } from '../../dev/emulator';
import { call, login, sendJson, sleep } from '../../dev/emulator/client';

const BATCHES = '/restapi/v1.0/account/~/a2p-sms/batches';
const MESSAGES = '/restapi/v1.0/account/~/a2p-sms/messages';
const OPT_OUTS = '/restapi/v1.0/account/~/a2p-sms/opt-outs';

// 1 s per message becomes 10 ms, delivery 2 s becomes 20 ms.
const emu = useEmulator({ a2p: { timeScale: 0.01 } });
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

const get = (path: string) => call(emu, path, { headers: { Authorization: `Bearer ${token}` } });
const batch = (messages: unknown[], extra: Record<string, unknown> = {}) => sendJson(emu, token, { from: DEFAULT_A2P_FROM, text: 'Hi', messages, ...extra }, BATCHES);
const to = (number: string, text?: string) => (text === undefined ? { to: [number] } : { to: [number], text });

describe('creating a batch', () => {
	test('201 with Processing, the accepted count and an empty rejected list; the Light group', async () => {
		const reply = await batch([to('+14155550100'), to('+16045550100', 'Hello Vancouver')]);
		expect(reply.status).toBe(201);
		expect(reply.json).toMatchObject({ from: DEFAULT_A2P_FROM, batchSize: 2, processedCount: 0, status: 'Processing', rejected: [] });
		expect(reply.json.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(reply.json.cost).toBeUndefined();
		expect(reply.headers.get('x-rate-limit-group')).toMatch(/light/i);
		expect(emu.a2p.messages.map((message) => [message.to, message.text])).toEqual([
			['+14155550100', 'Hi'],
			['+16045550100', 'Hello Vancouver'],
		]);
	});

	const refusals: Array<[string, unknown, number, string, string?]> = [
		['a sender without A2PSmsSender (an SMS number)', { from: DEFAULT_FROM, text: 'x', messages: [to('+14155550100')] }, 400, 'CMN-101', 'from'],
		['an unknown sender', { from: '+16505559999', text: 'x', messages: [to('+14155550100')] }, 400, 'CMN-101', 'from'],
		['no messages', { from: DEFAULT_A2P_FROM, text: 'x', messages: [] }, 400, 'CMN-101', 'messages'],
		['two numbers in one message', { from: DEFAULT_A2P_FROM, text: 'x', messages: [{ to: ['+14155550100', '+14155550101'] }] }, 400, 'CMN-101', 'messages[0].to'],
		['no text at all', { from: DEFAULT_A2P_FROM, messages: [to('+14155550100')] }, 400, 'CMN-101', 'messages[0].text'],
		['a 1001-character text', { from: DEFAULT_A2P_FROM, messages: [to('+14155550100', 'a'.repeat(1001))] }, 400, 'CMN-101', 'messages[0].text'],
		['501 emoji (1002 UTF-16 units) at top level', { from: DEFAULT_A2P_FROM, text: '😀'.repeat(501), messages: [to('+14155550100')] }, 400, 'CMN-101', 'text'],
		['not JSON', '{"from": ', 400, 'CMN-104'],
	];
	test.each(refusals.map(([name, body, status, code, parameterName]) => ({ name, body, status, code, parameterName })))('$name is refused whole: $status $code', async ({ body, status, code, parameterName }) => {
		const reply = await sendJson(emu, token, body, BATCHES);
		expect(reply.status).toBe(status);
		expect(reply.json.errors[0].errorCode).toBe(code);
		if (parameterName) expect(reply.json.errors[0].parameterName).toBe(parameterName);
		expect(emu.a2p.batches).toHaveLength(0);
	});

	test('1000 characters (500 emoji) are accepted', async () => {
		expect((await batch([to('+14155550100', 'a'.repeat(1000)), to('+14155550101', '😀'.repeat(500))])).status).toBe(201);
	});

	test('a body over 50,000,000 bytes is refused with 413', async () => {
		const text = '\u0001'.repeat(1000); // 6 bytes each in JSON
		const messages = Array.from({ length: 8400 }, (_, i) => to(`+1415${String(5550000 + i)}`, text));
		const body = JSON.stringify({ from: DEFAULT_A2P_FROM, messages });
		expect(Buffer.byteLength(body)).toBeGreaterThan(A2P_LIMITS.maxBodyBytes);
		const reply = await sendJson(emu, token, body, BATCHES);
		expect(reply.status).toBe(413);
		expect(emu.a2p.batches).toHaveLength(0);
	});

	test('invalid, non-US/Canadian and opted-out recipients are rejected by 1-based index; the rest are sent', async () => {
		emu.a2p.optOut(DEFAULT_A2P_FROM, '+14155550103');
		const reply = await batch([to('+14155550100'), to('4155550101'), to('+442079460018'), to('+18765550100'), to('+14155550103'), to('+14155550104')]);
		expect(reply.status).toBe(201);
		expect(reply.json.batchSize).toBe(2);
		expect(reply.json.rejected).toEqual([
			{ index: 2, to: ['4155550101'], errorCode: 'SMS-RC-410', description: 'The recipient number is invalid' },
			{ index: 3, to: ['+442079460018'], errorCode: 'SMS-RC-410', description: expect.stringMatching(/US and Canadian/) },
			{ index: 4, to: ['+18765550100'], errorCode: 'SMS-RC-410', description: expect.stringMatching(/US and Canadian/) },
			{ index: 5, to: ['+14155550103'], errorCode: 'SMS-RC-413', description: expect.stringMatching(/opted out/) },
		]);
		expect(emu.a2p.messages.map((message) => message.to)).toEqual(['+14155550100', '+14155550104']);
		// Reading the batch never shows the rejected list.
		const read = await get(`${BATCHES}/${reply.json.id}`);
		expect(read.json.rejected).toEqual([]);
	});
});

describe('statuses over time', () => {
	test('a batch goes Processing → Completed with processedCount and cost; messages Queued → Sent → Delivered or DeliveryFailed', async () => {
		emu.a2p.failDelivery('+14155550102', 'SMS-CAR-411');
		// 20 messages leave the queue 10 ms apart: 200 ms in all.
		const created = await batch(Array.from({ length: 20 }, (_, i) => to(`+14155550${String(100 + i)}`)));
		const { id } = created.json;
		const first = await get(`${MESSAGES}?batchId=${id}`);
		expect(first.json.records.filter((record: any) => record.messageStatus === 'Queued').length).toBeGreaterThan(10);

		await sleep(50);
		const midway = await get(`${BATCHES}/${id}`);
		expect(midway.json).toMatchObject({ status: 'Processing', batchSize: 20 });
		expect(midway.json.processedCount).toBeGreaterThanOrEqual(1);
		expect(midway.json.processedCount).toBeLessThan(20);
		expect(midway.json.cost).toBeUndefined();

		let done = midway;
		for (let waited = 0; done.json.status !== 'Completed' && waited < 5000; waited += 50) {
			await sleep(50);
			done = await get(`${BATCHES}/${id}`);
		}
		expect(done.json).toMatchObject({ status: 'Completed', processedCount: 20, cost: 0.14, rejected: [] });
		await sleep(30); // the last delivery comes 20 ms after the last send
		const messages = await get(`${MESSAGES}?batchId=${id}&view=Detailed`);
		const byNumber = Object.fromEntries(messages.json.records.map((record: any) => [record.to[0], record]));
		expect(byNumber['+14155550100']).toMatchObject({ messageStatus: 'Delivered', text: 'Hi', segmentCount: 1, cost: 0.007, direction: 'Outbound' });
		expect(byNumber['+14155550102']).toMatchObject({ messageStatus: 'DeliveryFailed', errorCode: 'SMS-CAR-411' });
		expect((await get(`${MESSAGES}?batchId=${id}`)).json.records[0].text).toBeUndefined();
	});

	test('an unknown batch is 404 CMN-102', async () => {
		const reply = await get(`${BATCHES}/00000000-0000-0000-0000-000000000000`);
		expect(reply.status).toBe(404);
		expect(reply.json.errors[0].errorCode).toBe('CMN-102');
	});
});

describe('listing by page token', () => {
	test('messages come in pages of perPage with nextPageToken until the last', async () => {
		await batch(Array.from({ length: 5 }, (_, i) => to(`+1415555010${i}`)));
		const seen: string[] = [];
		let path = `${MESSAGES}?perPage=2`;
		for (let page = 0; page < 5; page++) {
			const reply = await get(path);
			expect(reply.status).toBe(200);
			seen.push(...reply.json.records.map((record: any) => record.to[0]));
			if (!reply.json.paging.nextPageToken) break;
			path = `${MESSAGES}?perPage=2&pageToken=${reply.json.paging.nextPageToken}`;
		}
		expect(seen.sort()).toEqual(Array.from({ length: 5 }, (_, i) => `+1415555010${i}`));
		expect(seen).toHaveLength(5);
	});

	test('a token from another query, a forged token and perPage over 1000 are refused', async () => {
		await batch([to('+14155550100'), to('+14155550101')]);
		const first = await get(`${MESSAGES}?perPage=1`);
		const token = first.json.paging.nextPageToken;
		expect((await get(`${MESSAGES}?perPage=1&direction=Outbound&pageToken=${token}`)).json.errors[0].parameterName).toBe('pageToken');
		expect((await get(`${MESSAGES}?pageToken=bm9wZQ`)).status).toBe(400);
		expect((await get(`${MESSAGES}?perPage=1001`)).json.errors[0].parameterName).toBe('perPage');
	});

	test('messages filter by date range (ISO 8601 with zone), phone numbers (at most 15) and batch', async () => {
		await batch([to('+14155550100'), to('+14155550101')]);
		const future = new Date(Date.now() + 3600_000).toISOString();
		expect((await get(`${MESSAGES}?dateFrom=${future}`)).json.records).toHaveLength(0);
		expect((await get(`${MESSAGES}?dateFrom=2020-01-01T00:00:00`)).status).toBe(400);
		const one = await get(`${MESSAGES}?phoneNumber=%2B14155550101`);
		expect(one.json.records.map((record: any) => record.to[0])).toEqual(['+14155550101']);
		const sixteen = Array.from({ length: 16 }, (_, i) => `phoneNumber=1415555${String(1000 + i)}`).join('&');
		expect((await get(`${MESSAGES}?${sixteen}`)).status).toBe(400);
	});

	test('opt-outs of a sender, by status, in pages', async () => {
		for (let i = 0; i < 3; i++) emu.a2p.optOut(DEFAULT_A2P_FROM, `+1415555020${i}`);
		emu.a2p.optOut('+18445550120', '+14155550299');
		emu.a2p.optIn(DEFAULT_A2P_FROM, '+14155550202');
		const optedOut = await get(`${OPT_OUTS}?from=${encodeURIComponent(DEFAULT_A2P_FROM)}`);
		expect(optedOut.json.records).toEqual([
			{ from: DEFAULT_A2P_FROM, to: '+14155550200', status: 'OptOut', source: 'Recipient' },
			{ from: DEFAULT_A2P_FROM, to: '+14155550201', status: 'OptOut', source: 'Recipient' },
		]);
		const all = await get(`${OPT_OUTS}?from=16505550120&status=all&perPage=2`);
		expect(all.json.records).toHaveLength(2);
		const next = await get(`${OPT_OUTS}?from=16505550120&status=all&perPage=2&pageToken=${all.json.paging.nextPageToken}`);
		expect(next.json.records).toEqual([{ from: DEFAULT_A2P_FROM, to: '+14155550202', status: 'OptIn', source: 'Recipient' }]);
		expect(next.json.paging.nextPageToken).toBeUndefined();
		// Opted back in: texts reach the number again.
		expect((await batch([to('+14155550202')])).json.rejected).toEqual([]);
	});
});
