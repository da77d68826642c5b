import { runRingCentral } from '../../../dev/harness/engine';
import { credentialStore, RECIPIENT, SENDER, sendRequests, smsParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';

const emulator = useEmulator();

describe('Send SMS posts RingCentral JSON to the extension sms endpoint', () => {
	test('the request body is exactly from, to and text, sent with the bearer token', async () => {
		const { output, error } = await runRingCentral({ parameters: smsParameters(), credentials: credentialStore(emulator) });
		expect(error).toBeUndefined();
		const [request] = sendRequests(emulator);
		expect(request.path).toBe('/restapi/v1.0/account/~/extension/~/sms');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(request.body).toEqual({ from: { phoneNumber: SENDER }, to: [{ phoneNumber: RECIPIENT }], text: 'Hello from n8n' });
		expect(output).toHaveLength(1);
	});

	test("the output is RingCentral's message info, paired with its input item", async () => {
		const { output } = await runRingCentral({
			parameters: smsParameters({ to: '={{ $json.phone }}', text: '=Hi {{ $json.name }}' }),
			credentials: credentialStore(emulator),
			items: [{ json: { phone: '+14155550101', name: 'Ann' } }, { json: { phone: '+14155550102', name: 'Bob' } }],
		});
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output.map((item) => item.json.id)).toEqual(emulator.messages.map((message) => message.info.id));
		expect(output[1].json).toMatchObject({
			type: 'SMS',
			direction: 'Outbound',
			messageStatus: 'Queued',
			subject: 'Hi Bob',
			to: [{ phoneNumber: '+14155550102' }],
			from: { phoneNumber: SENDER },
		});
	});

	test('the output starts with id, status, recipients, sender and text; every field of the message info is kept', async () => {
		const { output } = await runRingCentral({ parameters: smsParameters(), credentials: credentialStore(emulator) });
		expect(Object.keys(output[0].json).slice(0, 5)).toEqual(['id', 'messageStatus', 'to', 'from', 'subject']);
		// n8n's table shows the keys in this order; RingCentral's own answer starts with the long uri.
		const answer = emulator.messages[0].info as unknown as Record<string, unknown>;
		expect(Object.keys(answer)[0]).toBe('uri');
		expect(output[0].json).toEqual(answer);
	});

	test('several numbers, comma-separated or as an expression list, are one group message', async () => {
		await runRingCentral({
			parameters: smsParameters({ to: '={{ $json.team }}' }),
			credentials: credentialStore(emulator),
			items: [{ json: { team: ['+14155550101', '+14155550102'] } }, { json: { team: '+14155550103, +14155550104' } }],
		});
		expect(sendRequests(emulator).map((request) => (request.body as { to: unknown }).to)).toEqual([
			[{ phoneNumber: '+14155550101' }, { phoneNumber: '+14155550102' }],
			[{ phoneNumber: '+14155550103' }, { phoneNumber: '+14155550104' }],
		]);
		expect(emulator.messages).toHaveLength(2);
	});

	test.each([
		['(415) 555-0100', 'US', '+14155550100'],
		['415.555.0100', 'US', '+14155550100'],
		['1-415-555-0100', 'US', '+14155550100'],
		['14155550100', 'US', '+14155550100'],
		['+44 20 7946 0018', 'US', '+442079460018'],
		['020 7946 0018', 'GB', '+442079460018'],
		['(604) 555-0100', 'CA', '+16045550100'],
	])('the national spelling %s with country %s is sent as %s', async (typed, country, e164) => {
		await runRingCentral({ parameters: smsParameters({ to: typed, options: { country } }), credentials: credentialStore(emulator) });
		expect((sendRequests(emulator)[0].body as { to: unknown }).to).toEqual([{ phoneNumber: e164 }]);
	});

	test.each([
		['1000 characters', 'x'.repeat(1000)],
		['500 emoji (1000 UTF-16 code units)', '😀'.repeat(500)],
	])('a text of %s, the most RingCentral takes, is sent whole', async (_label, text) => {
		const { error } = await runRingCentral({ parameters: smsParameters({ text }), credentials: credentialStore(emulator) });
		expect(error).toBeUndefined();
		expect(emulator.messages[0].text).toBe(text);
	});

	test('a typed From number and other account and extension IDs are used in the path', async () => {
		await runRingCentral({
			parameters: smsParameters({ from: { __rl: true, mode: 'number', value: '(650) 555-0100' }, options: { accountId: '100', extensionId: '101' } }),
			credentials: credentialStore(emulator),
		});
		const [request] = sendRequests(emulator);
		expect(request.path).toBe('/restapi/v1.0/account/100/extension/101/sms');
		expect((request.body as { from: unknown }).from).toEqual({ phoneNumber: SENDER });
	});
});

describe('Continue On Fail keeps the run going', () => {
	test('a refused item carries the error and the next item is still sent', async () => {
		const { output, error, run } = await runRingCentral({
			parameters: smsParameters({ to: '={{ $json.phone }}' }),
			credentials: credentialStore(emulator),
			continueOnFail: true,
			items: [{ json: { phone: 'not a number' } }, { json: { phone: '+14155550102' } }],
		});
		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(output[0].json.error).toMatch(/^Invalid To "not a number"/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[1].json).toMatchObject({ messageStatus: 'Queued' });
		expect(sendRequests(emulator)).toHaveLength(1);
	});

	test("RingCentral's refusal of one item lands on that item", async () => {
		const { output } = await runRingCentral({
			parameters: smsParameters({ from: { __rl: true, mode: 'number', value: '+16505550101' } }),
			credentials: credentialStore(emulator),
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});
		expect(output).toHaveLength(2);
		expect(output[0].json.error).toMatch(/RingCentral error MSG-242/);
		expect(output[0].error?.description).toMatch(/From list/);
	});

	test('without Continue On Fail the first failure stops the node with the item index', async () => {
		const { error, run } = await runRingCentral({
			parameters: smsParameters({ to: '={{ $json.phone }}' }),
			credentials: credentialStore(emulator),
			items: [{ json: { phone: '+14155550101' } }, { json: { phone: 'nope' } }, { json: { phone: '+14155550103' } }],
		});
		expect(run.status).toBe('error');
		expect(error?.message).toMatch(/^Invalid To "nope"/);
		expect(error?.context?.itemIndex).toBe(1);
		expect(sendRequests(emulator)).toHaveLength(1);
	});
});
