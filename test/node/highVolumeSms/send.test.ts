import type { INodeExecutionData } from 'n8n-workflow';

import { runRingCentral } from '../../../dev/harness/engine';
import { A2P_SENDER, batchRequests, credentialStore, highVolumeParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';

const emulator = useEmulator({ a2p: { timeScale: 0.001 } }, 'test');

const phone = (i: number) => `+1415555${String(1000 + i)}`;
const rows = (count: number, text: (i: number) => string = () => 'Sale starts Monday'): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { phone: phone(i), text: text(i) } }));
const bodies = () => batchRequests(emulator).map((request) => request.body as { from: string; text?: string; messages: { to: string[]; text?: string }[] });

describe('Send puts the items of a run into as few batch requests as possible', () => {
	test('25 items with one text: one request, the text once at top level, one output per item paired with it', async () => {
		const { output, error } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items: rows(25) });
		expect(error).toBeUndefined();
		const [body] = bodies();
		expect(bodies()).toHaveLength(1);
		expect(batchRequests(emulator)[0].path).toBe('/restapi/v1.0/account/~/a2p-sms/batches');
		expect(body).toEqual({ from: A2P_SENDER, text: 'Sale starts Monday', messages: rows(25).map((row) => ({ to: [row.json.phone] })) });
		expect(output.map((item) => item.pairedItem)).toEqual(rows(25).map((_, i) => ({ item: i })));
		const [batch] = emulator.a2p.batches;
		expect(output[7].json).toEqual({
			batchId: batch.id,
			batchStatus: 'Processing',
			batchSize: 25,
			rejectedInBatch: 0,
			from: A2P_SENDER,
			to: phone(7),
			text: 'Sale starts Monday',
			creationTime: expect.any(String),
		});
	});

	test('personal texts travel with each message, no top-level text', async () => {
		await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items: rows(3, (i) => `Hi #${i}`) });
		expect(bodies()).toEqual([{ from: A2P_SENDER, messages: [0, 1, 2].map((i) => ({ to: [phone(i)], text: `Hi #${i}` })) }]);
		expect(emulator.a2p.messages.map((message) => message.text)).toEqual(['Hi #0', 'Hi #1', 'Hi #2']);
	});

	test('over the Batch Size, several batches: 2 + 2 + 1, each item paired to its own batch', async () => {
		const { output } = await runRingCentral({ parameters: highVolumeParameters({ options: { batchSize: 2 } }), credentials: credentialStore(emulator), items: rows(5) });
		expect(bodies().map((body) => body.messages.length)).toEqual([2, 2, 1]);
		const ids = emulator.a2p.batches.map((batch) => batch.id);
		expect(output.map((item) => item.json.batchId)).toEqual([ids[0], ids[0], ids[1], ids[1], ids[2]]);
		expect(output.map((item) => item.json.to)).toEqual(rows(5).map((row) => row.json.phone));
	});

	test('items with another From go in their own batch', async () => {
		const items = rows(4).map((item, i) => ({ json: { ...item.json, from: i % 2 ? '+18445550120' : A2P_SENDER } }));
		await runRingCentral({ parameters: highVolumeParameters({ from: { __rl: true, mode: 'number', value: '={{ $json.from }}' } }), credentials: credentialStore(emulator), items });
		expect(bodies().map((body) => [body.from, body.messages.map((message) => message.to[0])])).toEqual([
			[A2P_SENDER, [phone(0), phone(2)]],
			['+18445550120', [phone(1), phone(3)]],
		]);
	});

	test('national spellings become E.164 with Options > Country', async () => {
		const items = [{ json: { phone: '(415) 555-0100', text: 'a' } }, { json: { phone: '604.555.0100', text: 'a' } }];
		await runRingCentral({ parameters: highVolumeParameters({ options: { country: 'CA' } }), credentials: credentialStore(emulator), items });
		expect(bodies()[0].messages).toEqual([{ to: ['+14155550100'] }, { to: ['+16045550100'] }]);
	});
});

describe("RingCentral's rejected entries land on their items", () => {
	test('opted-out recipients carry SMS-RC-413 with the fix; the others are sent and output', async () => {
		emulator.a2p.optOut(A2P_SENDER, phone(1));
		emulator.a2p.optOut(A2P_SENDER, phone(3));
		const { output, error } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items: rows(5), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual(rows(5).map((_, i) => ({ item: i })));
		expect(output.map((item) => (item.error ? 'error' : item.json.to))).toEqual([phone(0), 'error', phone(2), 'error', phone(4)]);
		expect(output[1].json.error).toBe(`RingCentral error SMS-RC-413: The recipient has opted out from this sender (${phone(1)})`);
		expect(output[1].error?.description).toMatch(/opted out from this sender \(replied STOP\).*Get Opt-Outs/);
		expect(output[3].error?.context?.itemIndex).toBe(3);
		expect(output[0].json).toMatchObject({ batchSize: 3, rejectedInBatch: 2 });
		expect(emulator.a2p.messages.map((message) => message.to)).toEqual([phone(0), phone(2), phone(4)]);
	});

	test("RingCentral's 1-based index, confirmed by the number, picks the item; an entry whose index disagrees is found by its number", async () => {
		const answer = {
			id: 'b1',
			from: A2P_SENDER,
			batchSize: 2,
			processedCount: 0,
			status: 'Processing',
			rejected: [
				{ index: 1, to: [phone(0)], errorCode: 'SMS-RC-410', description: 'The recipient number is invalid' },
				{ index: 2, to: [phone(3)], errorCode: 'SMS-RC-430', description: 'Blocked as spam' },
			],
		};
		emulator.injectFault({ method: 'POST', path: /a2p-sms\/batches$/, count: 1, fault: { kind: 'status', status: 201, body: answer } });
		const { output } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items: rows(4), continueOnFail: true });
		expect(output.map((item) => item.json.error ?? 'sent')).toEqual([
			`RingCentral error SMS-RC-410: The recipient number is invalid (${phone(0)})`,
			'sent',
			'sent',
			`RingCentral error SMS-RC-430: Blocked as spam (${phone(3)})`,
		]);
		expect(output[3].error?.description).toMatch(/spam filter/);
	});

	test('without Continue On Fail a rejected item stops the node with its error; the batch went out once', async () => {
		emulator.a2p.optOut(A2P_SENDER, phone(2));
		const { error, run } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items: rows(4) });
		expect(run.status).toBe('error');
		expect(error?.message).toMatch(/^RingCentral error SMS-RC-413/);
		expect(error?.context?.itemIndex).toBe(2);
		expect(batchRequests(emulator)).toHaveLength(1);
		expect(emulator.a2p.messages).toHaveLength(3);
	});
});

describe('a batch refused as a whole', () => {
	test('a From number without A2PSmsSender: every item carries the CMN-101 error with its own index', async () => {
		const { output } = await runRingCentral({
			parameters: highVolumeParameters({ from: { __rl: true, mode: 'number', value: '+16505550100' } }),
			credentials: credentialStore(emulator),
			items: rows(3),
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.error)).toEqual(Array(3).fill(expect.stringMatching(/^RingCentral error CMN-101: .*A2PSmsSender/)));
		expect(output.map((item) => item.error?.context?.itemIndex)).toEqual([0, 1, 2]);
		expect(emulator.a2p.batches).toHaveLength(0);
	});

	test('with Continue On Fail the next batches still go; without it they are not sent', async () => {
		const refusal = { kind: 'status' as const, status: 400, body: { errorCode: 'CMN-101', message: 'Parameter [messages] value is invalid.', errors: [{ errorCode: 'CMN-101', message: 'Parameter [messages] value is invalid.' }] } };
		emulator.injectFault({ method: 'POST', path: /a2p-sms\/batches$/, count: 1, fault: refusal });
		const going = await runRingCentral({ parameters: highVolumeParameters({ options: { batchSize: 2 } }), credentials: credentialStore(emulator), items: rows(6), continueOnFail: true });
		expect(going.output.map((item) => (item.error ? 'refused' : 'sent'))).toEqual(['refused', 'refused', 'sent', 'sent', 'sent', 'sent']);
		expect(batchRequests(emulator)).toHaveLength(3);

		emulator.reset();
		emulator.injectFault({ method: 'POST', path: /a2p-sms\/batches$/, count: 1, fault: refusal });
		const stopped = await runRingCentral({ parameters: highVolumeParameters({ options: { batchSize: 2 } }), credentials: credentialStore(emulator), items: rows(6) });
		expect(stopped.error?.message).toMatch(/^RingCentral error CMN-101/);
		expect(stopped.error?.context?.itemIndex).toBe(0);
		expect(batchRequests(emulator)).toHaveLength(1);
		expect(emulator.a2p.messages).toHaveLength(0);
	});
});
