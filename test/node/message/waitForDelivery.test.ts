import { MULTIPART_JSON, receiveMessage } from '../../../dev/emulator';
import { runRingCentral } from '../../../dev/harness/engine';
import { useEmulator } from '../../../dev/harness/lifecycle';
import { credentialStore, messageParameters, smsParameters, storeRequests } from '../../../dev/harness/setup';
import type { INodeExecutionData } from 'n8n-workflow';

// At 1/5 speed: Queued 200 ms, the carrier's report after 600 ms; the node's second round comes after 1 s.
// Sends and polls go faster than RingCentral allows a minute: the windows are scaled down, not lifted.
const emulator = useEmulator({ messageStore: { timeScale: 0.2 }, rateLimits: { Medium: { limit: 40, windowSeconds: 0.05 }, Light: { limit: 50, windowSeconds: 0.5 } } }, 'test');

/** Sends one SMS per number through the node; its output items carry the IDs, as in a workflow. */
async function send(numbers: string[]): Promise<INodeExecutionData[]> {
	const { output, error } = await runRingCentral({
		parameters: smsParameters({ to: '={{ $json.to }}' }),
		credentials: credentialStore(emulator),
		items: numbers.map((to) => ({ json: { to } })),
	});
	expect(error).toBeUndefined();
	return output.map((item) => ({ json: item.json }));
}

async function wait(items: INodeExecutionData[], overrides = {}, continueOnFail = false) {
	emulator.journal.length = 0;
	return await runRingCentral({ parameters: messageParameters('waitForDelivery', overrides), credentials: credentialStore(emulator), items, continueOnFail });
}

const idsIn = (path: string) => path.split('/').pop()!.split(',');

describe('Wait for Delivery', () => {
	test('chains after Send SMS: all items polled together, one bulk request per round, Delivered info out', async () => {
		const items = await send(['+14155550101', '+14155550102', '+14155550103']);
		const { output, error } = await wait(items);
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json.id, item.json.messageStatus, item.pairedItem])).toEqual(items.map((item, i) => [item.json.id, 'Delivered', { item: i }]));
		expect(output[0].json.smsDeliveryTime).toEqual(expect.any(String));
		const reads = storeRequests(emulator);
		// Round 1 right away (Queued), round 2 after 1 s (Delivered): two requests for three messages.
		expect(reads).toHaveLength(2);
		for (const read of reads) {
			expect(idsIn(read.path)).toEqual(items.map((item) => String(item.json.id)));
			expect(read).toMatchObject({ group: 'Light', status: 207 });
			expect(read.headers.accept).toBe(MULTIPART_JSON);
		}
	});

	test('with the OAuth2 credential too', async () => {
		const items = await send(['+14155550101', '+14155550102']);
		const { output, error } = await wait(items, { authentication: 'oAuth2' });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.messageStatus)).toEqual(['Delivered', 'Delivered']);
		expect(storeRequests(emulator)[0]).toMatchObject({ status: 207, headers: expect.objectContaining({ accept: MULTIPART_JSON }) });
	});

	test('one message is read by its own path, without the bulk form', async () => {
		const items = await send(['+14155550101']);
		const { output } = await wait(items);
		expect(output[0].json.messageStatus).toBe('Delivered');
		expect(storeRequests(emulator).map((read) => [read.status, read.headers.accept])).toEqual([
			[200, 'application/json'],
			[200, 'application/json'],
		]);
	});

	test('61 messages: every round reads them in requests of at most 30 IDs', async () => {
		const items = await send(Array.from({ length: 61 }, (_, i) => `+1415555${String(2000 + i)}`));
		const { output } = await wait(items);
		expect(output.every((item) => item.json.messageStatus === 'Delivered')).toBe(true);
		const sizes = storeRequests(emulator).map((read) => idsIn(read.path).length);
		// Round 1 reads all 61; later rounds only those not yet delivered (the first were sent 61 requests earlier).
		expect(sizes.slice(0, 3)).toEqual([30, 30, 1]);
		expect(sizes.every((size) => size <= 30)).toBe(true);
	});

	test('DeliveryFailed and SendingFailed fail their items with what the code means and what to do', async () => {
		const items = await send(['+14155550190', '+14155550191', '+14155550101']);
		const { output } = await wait(items, {}, true);
		expect(output[0].json.error).toBe(`Message ${items[0].json.id} to +14155550190 was not delivered: DeliveryFailed (SMS-CAR-411), the number is invalid, unallocated or cannot receive texts (e.g. a landline)`);
		expect(output[0].error?.description).toMatch(/Check the recipient number/);
		expect(output[1].json.error).toMatch(/was not delivered: SendingFailed \(SMS-RC-413\), the recipient opted out/);
		expect(output[1].error?.description).toMatch(/reply START/);
		expect(output[2].json.messageStatus).toBe('Delivered');
	});

	test('without Continue On Fail, a failed delivery stops the node with its error', async () => {
		const items = await send(['+14155550101', '+14155550193']);
		const { error, output } = await wait(items);
		expect(output).toEqual([]);
		expect(error?.message).toMatch(/to \+14155550193 was not delivered: DeliveryFailed \(SMS-CAR-430\), the recipient's carrier blocked the message as spam/);
	});

	test('a carrier that never reports: Sent fails at the timeout, or ends the wait with Treat Sent as Final', async () => {
		const items = await send(['+14155550192']);
		const started = Date.now();
		const timedOut = await wait(items, { waitTimeout: 1 }, true);
		expect(Date.now() - started).toBeLessThan(3000);
		expect(timedOut.output[0].json.error).toBe(`Message ${items[0].json.id} to +14155550192 was still Sent after waiting 1 s`);
		expect(timedOut.output[0].error?.description).toMatch(/turn on Treat Sent as Final/);
		// The last round falls on the deadline, so the last status is fresh.
		expect(storeRequests(emulator)).toHaveLength(2);

		const accepted = await wait(items, { treatSentAsFinal: true });
		expect(accepted.output[0].json).toMatchObject({ id: items[0].json.id, messageStatus: 'Sent' });
		expect(storeRequests(emulator)).toHaveLength(1);
	});

	test('the 207 mix of found and missing IDs: each missing one fails alone', async () => {
		const items = await send(['+14155550101']);
		const mixed = [{ json: { id: '999001' } }, items[0], { json: { id: 999002 } }];
		const { output } = await wait(mixed, {}, true);
		expect(idsIn(storeRequests(emulator)[0].path)).toEqual(['999001', String(items[0].json.id), '999002']);
		expect(output[0].json.error).toBe("Message 999001 was not found in the authenticated user's message store (RingCentral error CMN-102)");
		expect(output[1].json.messageStatus).toBe('Delivered');
		expect(output[2].json.error).toMatch(/^Message 999002 was not found/);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('items with the same message share one ID in the request; a group message waits for each recipient', async () => {
		const [group] = await send(['+14155550101, +14155550190']);
		const { output } = await wait([group, group], {}, true);
		expect(idsIn(storeRequests(emulator)[0].path)).toEqual([String(group.json.id)]);
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/to \+14155550190 was not delivered: DeliveryFailed \(SMS-CAR-411\)/),
			expect.stringMatching(/to \+14155550190 was not delivered/),
		]);
		const [both] = await send(['+14155550101, +14155550102']);
		const delivered = await wait([both]);
		expect(delivered.output[0].json).toMatchObject({ messageStatus: 'Sent', to: [{ messageStatus: 'Delivered' }, { messageStatus: 'Delivered' }] });
	});

	test("a refused request fails every item it polled for, each under its own index; a 503 is retried", async () => {
		const items = await send(['+14155550101', '+14155550102']);
		emulator.injectFault({ method: 'GET', path: /\/message-store\//, count: 1, fault: { kind: 'status', status: 503 } });
		const retried = await wait(items);
		expect(retried.output.map((item) => item.json.messageStatus)).toEqual(['Delivered', 'Delivered']);
		expect(storeRequests(emulator)[0].status).toBe(503);

		const body = { errorCode: 'CMN-401', message: 'In order to call this API endpoint, application needs to have [ReadMessages] permission', errors: [{ errorCode: 'CMN-401', message: 'needs ReadMessages' }] };
		emulator.injectFault({ method: 'GET', path: /\/message-store\//, count: 1, fault: { kind: 'status', status: 403, body } });
		const { output } = await wait(items, {}, true);
		expect(output.map((item) => item.json.error)).toEqual([expect.stringMatching(/^RingCentral error CMN-401/), expect.stringMatching(/^RingCentral error CMN-401/)]);
		expect(output.map((item) => (item.error as { context?: { itemIndex?: number } }).context?.itemIndex)).toEqual([0, 1]);
		expect(output[1].error?.description).toMatch(/ReadMessages/);
	});

	test('a received message has no delivery to wait for', async () => {
		const inbound = receiveMessage(emulator, { from: '+14155550177', text: 'Hi' });
		const { error } = await wait([{ json: { id: inbound.id } }]);
		expect(error?.message).toMatch(/is a received message \(status Received\): there is no delivery to wait for/);
	});

	test('a bad Message ID or Wait Timeout is refused before anything is polled; with Continue On Fail the rest are polled', async () => {
		const items = await send(['+14155550101']);
		const stopped = await wait([items[0], { json: { id: 'abc' } }]);
		expect(stopped.error?.message).toMatch(/Invalid Message ID "abc"/);
		expect(storeRequests(emulator)).toHaveLength(0);
		const refused = await wait(items, { waitTimeout: 0 });
		expect(refused.error?.message).toMatch(/Invalid Wait Timeout "0"/);
		const going = await wait([{ json: { id: 'abc' } }, items[0]], {}, true);
		expect(going.output.map((item) => item.json.error ?? item.json.messageStatus)).toEqual([expect.stringMatching(/Invalid Message ID/), 'Delivered']);
	});
});

describe('Wait for Delivery of a message that stays Queued', () => {
	const slow = useEmulator({ messageStore: { queuedSeconds: 3600 } });

	test('the timeout error gives the last status', async () => {
		const { output } = await runRingCentral({ parameters: smsParameters(), credentials: credentialStore(slow) });
		const { error } = await runRingCentral({ parameters: messageParameters('waitForDelivery', { waitTimeout: 1 }), credentials: credentialStore(slow), items: [{ json: output[0].json }] });
		expect(error?.message).toBe(`Message ${output[0].json.id} to +14155550100 was still Queued after waiting 1 s`);
		expect(error?.description).toMatch(/has not finished sending it/);
	});
});
