// The subscription's life in n8n's hook contexts: activation, deactivation, recovery, editor tests.
import { useEmulator } from '../../dev/harness/lifecycle';
import { credentialStore } from '../../dev/harness/setup';
import { TriggerHarness, triggerParameters } from '../../dev/harness/trigger';

const emulator = useEmulator();
let harness: TriggerHarness | undefined;

async function start(options = {}) {
	harness = await TriggerHarness.start({ parameters: triggerParameters(options), credentials: credentialStore(emulator) });
	return harness;
}

afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

/** Subscription requests since the journal had `from` entries. */
const subscriptionRequests = (from = 0) =>
	emulator.journal.slice(from).filter((entry) => entry.path.startsWith('/restapi/v1.0/subscription')).map((entry) => `${entry.method} ${entry.status}`);

describe('activation', () => {
	test('creates exactly one subscription to the production URL for inbound SMS, after passing the handshake', async () => {
		const trigger = await start();
		await trigger.activate();
		const [subscription] = emulator.subscriptions.list();
		expect(emulator.subscriptions.list()).toHaveLength(1);
		expect(subscription).toMatchObject({
			address: trigger.productionUrl,
			status: 'Active',
			eventFilters: ['/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS'],
			expiresIn: 315_360_000,
		});
		expect(subscription.verificationToken).toMatch(/^[\w-]{43}$/);
		expect(emulator.subscriptions.handshakes).toEqual([expect.objectContaining({ address: trigger.productionUrl, status: 200, failedWith: undefined })]);
		expect(emulator.subscriptions.handshakes[0].bytes).toBeLessThanOrEqual(1024);
	});

	test('keeps only the id and a hash of the verification token in static data, never the token', async () => {
		const trigger = await start();
		await trigger.activate();
		const [subscription] = emulator.subscriptions.list();
		const saved = JSON.stringify(trigger.staticData);
		expect(saved).toContain(subscription.id);
		expect(saved).not.toContain(subscription.verificationToken);
	});

	test('a second activation (n8n restarting) reuses the live subscription: one GET, nothing created', async () => {
		const trigger = await start();
		await trigger.activate();
		const mark = emulator.journal.length;
		const before = trigger.staticData;
		await trigger.activate();
		expect(subscriptionRequests(mark)).toEqual(['GET 200']);
		expect(trigger.staticData).toEqual(before);
	});

	test('one per extension listed in Extension IDs, ~ included', async () => {
		const trigger = await start({ extensionIds: '~, 62264425016' });
		await trigger.activate();
		expect(emulator.subscriptions.list()[0].eventFilters).toEqual([
			'/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS',
			'/restapi/v1.0/account/100/extension/62264425016/message-store/instant?type=SMS',
		]);
		const mark = emulator.journal.length;
		await trigger.activate();
		expect(subscriptionRequests(mark)).toEqual(['GET 200']);
	});

	test.each([
		['Extension IDs', { extensionIds: '~, ../sms' }, /Invalid Extension ID "..\/sms"/],
		['Only To These Numbers', { onlyToNumbers: '+1650555010x' }, /Invalid Only To These Numbers "\+1650555010x"/],
		['Binary Field Prefix', { binaryPropertyPrefix: 'my files' }, /Invalid Binary Field Prefix "my files"/],
	])('a wrong %s fails activation with a clear error before any request', async (_field, options, message) => {
		const trigger = await start(options);
		await expect(trigger.activate()).rejects.toThrow(message);
		expect(emulator.journal).toHaveLength(0);
	});
});

describe('recovery at the next activation', () => {
	test.each([
		['blacklisted', (id: string) => emulator.subscriptions.blacklist(id)],
		['expired', (id: string) => emulator.subscriptions.expire(id)],
		['missing', (id: string) => emulator.subscriptions.remove(id)],
	])('a %s subscription is replaced by a new one', async (_state, spoil) => {
		const trigger = await start();
		await trigger.activate();
		const old = emulator.subscriptions.list()[0].id;
		spoil(old);
		await trigger.activate();
		const live = emulator.subscriptions.list();
		expect(live).toHaveLength(1);
		expect(live[0]).toMatchObject({ status: 'Active', address: trigger.productionUrl });
		expect(live[0].id).not.toBe(old);
		expect(JSON.stringify(trigger.staticData)).toContain(live[0].id);
	});

	test('one delivering to another URL (n8n moved) is deleted and replaced', async () => {
		const trigger = await start();
		await trigger.activate();
		const [old] = emulator.subscriptions.list();
		old.address = 'https://old-n8n.example.com/webhook/x/webhook';
		await trigger.activate();
		expect(emulator.subscriptions.list().map((s) => s.address)).toEqual([trigger.productionUrl]);
	});

	test('a leftover delivering to the same URL (its create answer was lost) is deleted before creating', async () => {
		const trigger = await start();
		await trigger.activate();
		trigger.staticData = {};
		await trigger.activate();
		expect(emulator.subscriptions.list()).toHaveLength(1);
	});
});

test('an n8n whose webhook URL is plain http on a public host fails activation with the WEBHOOK_URL fix, before any request', async () => {
	harness = await TriggerHarness.start({ parameters: triggerParameters(), credentials: credentialStore(emulator), webhookBaseUrl: 'http://n8n.example.com' });
	const error = (await harness.activate().then(() => new Error('activated'), (e: Error) => e)) as Error & { description?: string };
	expect(error.message).toMatch(/"http:\/\/n8n\.example\.com\/webhook\/.+" cannot receive RingCentral events/);
	expect(error.description).toMatch(/WEBHOOK_URL/);
	expect(emulator.journal).toHaveLength(0);
});

describe('deactivation', () => {
	test('deletes the subscription and forgets it; deleting one already gone succeeds', async () => {
		const trigger = await start();
		await trigger.activate();
		await trigger.deactivate();
		expect(emulator.subscriptions.list()).toHaveLength(0);
		expect(trigger.staticData).toEqual({ 'node:RingCentral Trigger': {} });
		await trigger.activate();
		emulator.subscriptions.remove(emulator.subscriptions.list()[0].id);
		await trigger.deactivate();
		expect(subscriptionRequests().slice(-1)).toEqual(['DELETE 404']);
		expect(trigger.staticData).toEqual({ 'node:RingCentral Trigger': {} });
	});
});

describe('"Listen for test event" in the editor', () => {
	test('the test URL gets its own subscription, removed afterwards; the production one is untouched', async () => {
		const trigger = await start();
		await trigger.activate();
		await trigger.listenForTestEvent();
		expect(emulator.subscriptions.list().map((s) => s.address).sort()).toEqual([trigger.productionUrl, trigger.testUrl].sort());
		await trigger.stopListening();
		expect(emulator.subscriptions.list().map((s) => s.address)).toEqual([trigger.productionUrl]);
	});
});
