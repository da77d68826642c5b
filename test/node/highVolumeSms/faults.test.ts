import type { INodeExecutionData } from 'n8n-workflow';

import { runRingCentral } from '../../../dev/harness/engine';
import { batchRequests, credentialStore, highVolumeParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';
import type { FaultKind } from '../../../dev/emulator';

const BATCHES = /\/a2p-sms\/batches$/;
const phone = (i: number) => `+1415555${String(1000 + i)}`;
const items: INodeExecutionData[] = Array.from({ length: 6 }, (_, i) => ({ json: { phone: phone(i), text: `Offer ${i}` } }));
/** Batches of 2: items 0-1, 2-3, 4-5. */
const parameters = (options = {}) => highVolumeParameters({ options: { batchSize: 2, ...options } });
const UNCERTAIN = /may or may not have been sent/;

describe('an uncertain batch marks each of its items "may or may not have been sent"; the other batches go', () => {
	// A fresh emulator per test: nothing of one fault carries over.
	const emulator = useEmulator({ a2p: { timeScale: 0.001 } }, 'test');

	const cases: Array<[string, FaultKind, object, number]> = [
		['500 after RingCentral stored the batch', { kind: 'status', status: 500, processed: true }, {}, 6],
		['503 before RingCentral stored it', { kind: 'status', status: 503 }, {}, 4],
		['connection dropped after processing', { kind: 'drop', processed: true }, {}, 6],
		['connection dropped before processing', { kind: 'drop', processed: false }, {}, 4],
		['answer cut off (malformed JSON)', { kind: 'malformedJson', processed: true }, {}, 6],
		['answer later than the timeout', { kind: 'delay', ms: 1500, processed: true }, { timeout: 1 }, 6],
	];

	test.each(cases)('%s', async (_name, fault, options, stored) => {
		// The second batch request (items 2 and 3) meets the fault.
		emulator.injectFault({ method: 'POST', path: BATCHES, count: 1, fault: { kind: 'delay', ms: 0 } });
		emulator.injectFault({ method: 'POST', path: BATCHES, count: 1, fault });
		const { output, error } = await runRingCentral({ parameters: parameters(options), credentials: credentialStore(emulator), items, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output.map((item) => (item.error ? 'uncertain' : 'sent'))).toEqual(['sent', 'sent', 'uncertain', 'uncertain', 'sent', 'sent']);
		for (const i of [2, 3]) {
			expect(output[i].error?.message).toMatch(UNCERTAIN);
			expect(output[i].error?.message).toContain(`High Volume SMS to ${phone(i)} "Offer ${i}" (one of 2 in a batch request from`);
			expect(output[i].error?.context?.itemIndex).toBe(i);
			expect(output[i].error?.description).toMatch(/None of the batch's messages was sent again/);
		}
		expect(batchRequests(emulator)).toHaveLength(3);
		expect(emulator.a2p.messages).toHaveLength(stored);
	});

	test('without Continue On Fail the later batches are still sent, then the node fails on the first uncertain item', async () => {
		emulator.injectFault({ method: 'POST', path: BATCHES, count: 1, fault: { kind: 'status', status: 500, processed: true } });
		const { error } = await runRingCentral({ parameters: parameters(), credentials: credentialStore(emulator), items });
		expect(error?.message).toMatch(UNCERTAIN);
		expect(error?.context?.itemIndex).toBe(0);
		expect(batchRequests(emulator)).toHaveLength(3);
		expect(emulator.a2p.messages).toHaveLength(6);
	});
});

describe("n8n's Retry On Fail never sends a batch twice", () => {
	const emulator = useEmulator({ a2p: { timeScale: 0.001 } }, 'test');
	const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 };
	const sentTo = () => emulator.a2p.messages.map((message) => message.to).sort();

	test.each([
		['processed: true', true, 6],
		['processed: false', false, 4],
	])('an uncertain batch (500, %s) is not sent again by the retries', async (_name, processed, stored) => {
		emulator.injectFault({ method: 'POST', path: BATCHES, count: 1, fault: { kind: 'status', status: 500, processed } });
		const { error } = await runRingCentral({ parameters: parameters(), credentials: credentialStore(emulator), items, settings: retry });
		expect(error?.message).toMatch(UNCERTAIN);
		// Three tries, one request per batch in all: the retries found every item sent or possibly sent.
		expect(batchRequests(emulator)).toHaveLength(3);
		expect(emulator.a2p.messages).toHaveLength(stored);
		expect(new Set(sentTo()).size).toBe(stored);
	});

	test('with Continue On Fail, an uncertain first batch makes n8n retry: nothing goes out twice', async () => {
		emulator.injectFault({ method: 'POST', path: BATCHES, count: 1, fault: { kind: 'drop', processed: true } });
		const { output } = await runRingCentral({ parameters: parameters(), credentials: credentialStore(emulator), items, settings: retry, continueOnFail: true });
		expect(output.map((item) => (item.error ? 'uncertain' : 'sent'))).toEqual(['uncertain', 'uncertain', 'sent', 'sent', 'sent', 'sent']);
		expect(batchRequests(emulator)).toHaveLength(3);
		expect(sentTo()).toEqual(items.map((item) => item.json.phone).sort());
	});

	test('a batch refused for certain is sent again by the retry, the accepted ones are not', async () => {
		const refusal = { errorCode: 'CMN-101', message: 'Parameter [messages] value is invalid.', errors: [{ errorCode: 'CMN-101', message: 'Parameter [messages] value is invalid.' }] };
		// The first batch goes through; the second is refused once; without Continue On Fail the third waits.
		emulator.injectFault({ method: 'POST', path: BATCHES, count: 1, fault: { kind: 'delay', ms: 0 } });
		emulator.injectFault({ method: 'POST', path: BATCHES, count: 1, fault: { kind: 'status', status: 400, body: refusal } });
		const { error, output } = await runRingCentral({ parameters: parameters(), credentials: credentialStore(emulator), items, settings: retry });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(6);
		// Try 1: batch 1 sent, batch 2 refused, batch 3 held back. Try 2: items 2-5 in two batches.
		expect(batchRequests(emulator).map((request) => (request.body as { messages: unknown[] }).messages.length)).toEqual([2, 2, 2, 2]);
		expect(sentTo()).toEqual(items.map((item) => item.json.phone).sort());
	});
});
