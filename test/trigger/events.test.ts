// RingCentral's requests to the trigger in n8n's webhook context: the handshake, genuine events
// (one execution each, a reply that RingCentral accepts) and everything else (nothing starts).
import { useEmulator } from '../../dev/harness/lifecycle';
import { credentialStore, SENDER } from '../../dev/harness/setup';
import { replyNode, TriggerHarness, TRIGGER_NAME, triggerParameters } from '../../dev/harness/trigger';

const emulator = useEmulator();
const CUSTOMER = '+14155550142';
let trigger: TriggerHarness;

async function start(options = {}, after = [replyNode()]) {
	trigger = await TriggerHarness.start({ parameters: triggerParameters(options), credentials: credentialStore(emulator), after });
	await trigger.activate();
	return trigger;
}

afterEach(async () => await trigger?.stop());

/** An event as RingCentral would send it for the live subscription, with these changes. */
function event(overrides: Record<string, unknown> = {}) {
	const [subscription] = emulator.subscriptions.list();
	return {
		uuid: 'b7c1f0e2-0000-4000-8000-000000000001',
		event: '/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS',
		timestamp: new Date().toISOString(),
		subscriptionId: subscription.id,
		ownerId: '101',
		body: { id: '1', from: { phoneNumber: CUSTOMER }, to: [{ phoneNumber: SENDER, target: true }], type: 'SMS', direction: 'Inbound', subject: 'forged?', attachments: [] },
		...overrides,
	};
}

async function post(url: string, body: unknown, headers: Record<string, string>) {
	const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
	return { status: res.status, text: await res.text() };
}

describe('an inbound SMS', () => {
	test('starts one execution whose item is the message, with `text` beside `subject`; the reply goes back to the sender and RingCentral accepts it', async () => {
		await start();
		const { deliveries, message } = await emulator.injectInboundSms({ from: CUSTOMER, text: 'Is my order ready?' });
		await trigger.settled();
		expect(deliveries).toEqual([expect.objectContaining({ status: 200, blacklisted: false })]);
		expect(trigger.executions).toHaveLength(1);
		const [{ run, items, mode }] = trigger.executions;
		expect(mode).toBe('webhook');
		expect(run.status).toBe('success');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ ...message.body, text: 'Is my order ready?', subject: 'Is my order ready?' });
		expect(items[0].json).toMatchObject({ from: { phoneNumber: CUSTOMER }, direction: 'Inbound', messageStatus: 'Received' });
		expect(items[0].binary).toBeUndefined();
		expect(emulator.outbound).toEqual([expect.objectContaining({ from: SENDER, to: [CUSTOMER], text: 'Thanks, we got your message.' })]);
		expect(run.data.resultData.runData.Reply[0].data?.main[0]?.[0].json).toMatchObject({ messageStatus: 'Queued', direction: 'Outbound' });
	});

	test('each text is its own execution, and the subscription stays Active', async () => {
		await start();
		for (const text of ['one', 'two', 'three']) await emulator.injectInboundSms({ from: CUSTOMER, text });
		await trigger.settled();
		expect(trigger.executions.map((e) => e.items[0].json.text)).toEqual(['one', 'two', 'three']);
		expect(emulator.subscriptions.list()[0].status).toBe('Active');
	});

	test('Only To These Numbers: a text to another of the user\'s numbers is answered 200 and starts nothing', async () => {
		await start({ onlyToNumbers: '+1 650 555 0103' });
		const other = await emulator.injectInboundSms({ from: CUSTOMER, to: SENDER, text: 'to the main line' });
		await emulator.injectInboundSms({ from: CUSTOMER, to: '+16505550103', text: 'to the second line' });
		await trigger.settled();
		expect(other.deliveries[0]).toMatchObject({ status: 200, blacklisted: false });
		expect(trigger.executions.map((e) => e.items[0].json.text)).toEqual(['to the second line']);
	});
});

describe('the validation handshake', () => {
	test('is answered 200 with the token echoed, an empty body and well under 1024 bytes; nothing starts', async () => {
		await start();
		const res = await fetch(trigger.productionUrl, { method: 'POST', headers: { 'Validation-Token': 'abc-123' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('validation-token')).toBe('abc-123');
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(await res.text()).toBe('');
		expect(trigger.executions).toHaveLength(0);
	});

	test('a token that could not be echoed safely gets 400', async () => {
		await start();
		const res = await fetch(trigger.productionUrl, { method: 'POST', headers: { 'Validation-Token': 'x'.repeat(300) } });
		expect(res.status).toBe(400);
	});
});

describe('requests that are not events of this subscription get 403 and start nothing', () => {
	test.each([
		['no Verification-Token', () => ({})],
		['a wrong Verification-Token', () => ({ 'Verification-Token': 'guessed-token' })],
		['the right token with the hash from static data', () => ({ 'Verification-Token': String(trigger.staticData['node:RingCentral Trigger'] && (trigger.staticData['node:RingCentral Trigger'] as Record<string, string>).tokenHash) })],
	])('%s', async (_name, headers) => {
		await start();
		const reply = await post(trigger.productionUrl, event(), headers());
		expect(reply).toEqual({ status: 403, text: '' });
		await trigger.settled();
		expect(trigger.executions).toHaveLength(0);
	});

	test('the right token with another subscription ID', async () => {
		await start();
		const token = emulator.subscriptions.list()[0].verificationToken!;
		expect((await post(trigger.productionUrl, event({ subscriptionId: 'another-subscription' }), { 'Verification-Token': token })).status).toBe(403);
		expect((await post(trigger.productionUrl, event(), { 'Verification-Token': token })).status).toBe(200);
		await trigger.settled();
		expect(trigger.executions).toHaveLength(1);
	});

	test('the old token after the subscription was replaced', async () => {
		await start();
		const old = emulator.subscriptions.list()[0];
		emulator.subscriptions.blacklist(old.id);
		await trigger.activate();
		expect((await post(trigger.productionUrl, event({ subscriptionId: old.id }), { 'Verification-Token': old.verificationToken! })).status).toBe(403);
		expect(trigger.executions).toHaveLength(0);
	});
});

describe('after deactivation', () => {
	test('later texts reach nothing and start nothing; a replayed event gets 404', async () => {
		await start();
		const token = emulator.subscriptions.list()[0].verificationToken!;
		const replay = event();
		await trigger.deactivate();
		const { deliveries } = await emulator.injectInboundSms({ from: CUSTOMER, text: 'anyone there?' });
		expect(deliveries).toHaveLength(0);
		expect((await post(trigger.productionUrl, replay, { 'Verification-Token': token })).status).toBe(404);
		await trigger.settled();
		expect(trigger.executions).toHaveLength(0);
	});
});

test('"Listen for test event": the first text starts one manual execution, then the test subscription is deleted', async () => {
	trigger = await TriggerHarness.start({ parameters: triggerParameters(), credentials: credentialStore(emulator) });
	await trigger.listenForTestEvent();
	expect(emulator.subscriptions.list().map((s) => s.address)).toEqual([trigger.testUrl]);
	await emulator.injectInboundSms({ from: CUSTOMER, text: 'test me' });
	await trigger.settled();
	expect(trigger.executions.map((e) => [e.mode, e.items[0].json.text])).toEqual([['manual', 'test me']]);
	expect(emulator.subscriptions.list()).toHaveLength(0);
	expect(trigger.executions[0].run.data.resultData.runData[TRIGGER_NAME]).toHaveLength(1);
});

test('with the OAuth2 credential: the subscription is created and a text with a file starts the workflow', async () => {
	trigger = await TriggerHarness.start({ parameters: triggerParameters({}, { authentication: 'oAuth2' }), credentials: credentialStore(emulator) });
	await trigger.activate();
	await emulator.injectInboundSms({ from: CUSTOMER, text: 'via OAuth2', attachments: [{ fileName: 'a.png', contentType: 'image/png', data: Buffer.from('png bytes') }] });
	await trigger.settled();
	expect(trigger.executions).toHaveLength(1);
	expect(trigger.executions[0].items[0].json.text).toBe('via OAuth2');
	expect(trigger.executions[0].items[0].binary?.attachment_0).toMatchObject({ fileName: 'a.png', mimeType: 'image/png' });
});
