import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runRingCentral } from '../../dev/harness/engine';
import { credentialStore, sendRequests, smsParameters, startEmulator } from '../../dev/harness/setup';
import { useEmulator } from '../../dev/harness/lifecycle';
import type { FaultKind, RingCentralEmulator } from '../../dev/emulator';

const ITEMS = 50;
const items: INodeExecutionData[] = Array.from({ length: ITEMS }, (_, i) => ({
	json: { phone: `+1415555${String(1000 + i)}`, text: `Order ${i} has shipped` },
}));
const parameters = (options: INodeParameters = {}) => smsParameters({ to: '={{ $json.phone }}', text: '={{ $json.text }}', options });
const SMS_PATH = '/restapi/v1.0/account/~/extension/~/sms';

interface Row {
	fault: FaultKind;
	count: number;
	options?: INodeParameters;
	/** Items that end with a message sent and its info as output. */
	succeeded: number;
	/** Items whose error says the message may or may not have gone out. */
	uncertain: number;
	/** Items refused or given up on, certainly not sent. */
	notSent: number;
	/** Messages RingCentral accepted (each at most once). */
	accepted: number;
}

const rows: [string, Row][] = [
	['500 after RingCentral queued the message', { fault: { kind: 'status', status: 500, processed: true }, count: 3, succeeded: 47, uncertain: 3, notSent: 0, accepted: 50 }],
	['503 before processing', { fault: { kind: 'status', status: 503, body: { errorCode: 'CMN-201', message: 'Service Temporary Unavailable' } }, count: 3, succeeded: 47, uncertain: 3, notSent: 0, accepted: 47 }],
	['503 with Retry on Server Errors on', { fault: { kind: 'status', status: 503 }, count: 1, options: { retryOnServerErrors: true }, succeeded: 50, uncertain: 0, notSent: 0, accepted: 50 }],
	['400 CMN-101 refusal', { fault: { kind: 'status', status: 400, body: { errorCode: 'CMN-101', message: 'Parameter [to] value is invalid.', errors: [{ errorCode: 'CMN-101', message: 'Parameter [to] value is invalid.', parameterName: 'to' }] } }, count: 3, succeeded: 47, uncertain: 0, notSent: 3, accepted: 47 }],
	['connection dropped before processing', { fault: { kind: 'drop', processed: false }, count: 3, succeeded: 47, uncertain: 3, notSent: 0, accepted: 47 }],
	['connection dropped after processing', { fault: { kind: 'drop', processed: true }, count: 3, succeeded: 47, uncertain: 3, notSent: 0, accepted: 50 }],
	['answer delayed past the timeout', { fault: { kind: 'delay', ms: 1500, processed: true }, count: 3, options: { timeout: 1 }, succeeded: 47, uncertain: 3, notSent: 0, accepted: 50 }],
	['malformed JSON answer', { fault: { kind: 'malformedJson', processed: true }, count: 3, succeeded: 47, uncertain: 3, notSent: 0, accepted: 50 }],
	['429 with Retry-After: 1', { fault: { kind: 'rateLimited', retryAfterSeconds: 1 }, count: 3, succeeded: 50, uncertain: 0, notSent: 0, accepted: 50 }],
	['429 without Retry-After (30 s) and Max Rate Limit Wait 2 s', { fault: { kind: 'rateLimited' }, count: 1, options: { maxRateLimitWait: 2 }, succeeded: 0, uncertain: 0, notSent: 50, accepted: 0 }],
	['401 expired token', { fault: { kind: 'expiredToken' }, count: 1, succeeded: 50, uncertain: 0, notSent: 0, accepted: 50 }],
];

describe('Faults never send a message twice, and every item ends sent or with an error naming it', () => {
	// A fresh emulator per test: a 429 penalty must not leak into the next row. 50 items are more
	// than RingCentral's 40 SMS per 60 s: the Medium window is scaled down to 50 ms, same limit.
	const emulator = useEmulator({ rateLimits: { Medium: { limit: 40, windowSeconds: 0.05 } } }, 'test');

	test.each(rows)('%s', async (_name, row) => {
		emulator.injectFault({ method: 'POST', path: SMS_PATH, count: row.count, fault: row.fault });
		const { output, error } = await runRingCentral({ parameters: parameters(row.options), credentials: credentialStore(emulator), items, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(ITEMS);

		const texts = emulator.messages.map((message) => message.text);
		expect(new Set(texts).size).toBe(texts.length);
		expect(emulator.messages).toHaveLength(row.accepted);

		const accepted = new Set(emulator.messages.map((message) => message.info.id));
		let succeeded = 0;
		let uncertain = 0;
		let notSent = 0;
		output.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			if (item.error === undefined) {
				expect(accepted.has(item.json.id as number)).toBe(true);
				succeeded++;
				return;
			}
			expect(item.error.context?.itemIndex).toBe(i);
			if (/may or may not have been sent/.test(item.error.message)) {
				expect(item.error.message).toContain(`SMS to ${items[i].json.phone} "Order ${i} has shipped"`);
				uncertain++;
			} else {
				notSent++;
			}
		});
		expect({ succeeded, uncertain, notSent }).toEqual({ succeeded: row.succeeded, uncertain: row.uncertain, notSent: row.notSent });
	});

	test('a 429 without Retry-After holds every request for 30 s, as RingCentral advises', async () => {
		emulator.injectFault({ method: 'POST', path: SMS_PATH, count: 1, fault: { kind: 'rateLimited' } });
		const { output } = await runRingCentral({ parameters: parameters({ maxRateLimitWait: 2 }), credentials: credentialStore(emulator), items: items.slice(0, 3), continueOnFail: true });
		expect(output[0].error?.message).toMatch(/^RingCentral's rate limit needs another (29|30) s of waiting, more than Options > Max Rate Limit Wait allows \(2 s\); the SMS to \+14155551000 "Order 0 has shipped" was not sent$/);
		// Nothing is sent during the penalty: RingCentral would restart it with every request.
		expect(emulator.requests({ method: 'POST', path: SMS_PATH })).toHaveLength(1);
	});

	test('a refused connection is retried: the SMS goes out once the server is back', async () => {
		const probe = await startEmulator();
		const port = Number(new URL(probe.url).port);
		const credentials = credentialStore(probe);
		await probe.stop();
		let restarted: RingCentralEmulator | undefined;
		const restart = new Promise<void>((resolve) => {
			globalThis.setTimeout(async () => {
				restarted = await startEmulator({ port });
				resolve();
			}, 300);
		});
		const { output, error } = await runRingCentral({ parameters: parameters(), credentials, items: items.slice(0, 1) });
		await restart;
		try {
			expect(error).toBeUndefined();
			expect(output[0].json.messageStatus).toBe('Queued');
			expect(restarted!.messages).toHaveLength(1);
		} finally {
			await restarted!.stop();
		}
	});
});

describe("n8n's Retry On Fail setting does not send a message twice", () => {
	const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 };
	const itemsFrom = (senders: string[]): INodeExecutionData[] => senders.map((from, i) => ({ json: { from, phone: `+1415555${String(1000 + i)}`, text: `Retry ${i}` } }));
	const retryParameters = smsParameters({ from: { __rl: true, mode: 'number', value: '={{ $json.from }}' }, to: '={{ $json.phone }}', text: '={{ $json.text }}' });
	const OK = '+16505550100';
	const CALLER_ID_ONLY = '+16505550101';
	const emulator = useEmulator(undefined, 'test');

	test('items sent before a failure are not sent again by the retries', async () => {
		const { error } = await runRingCentral({ parameters: retryParameters, credentials: credentialStore(emulator), items: itemsFrom([OK, OK, OK, CALLER_ID_ONLY, OK]), settings: retry });
		expect(error?.message).toMatch(/^RingCentral error MSG-242/);
		// Three tries: items 0-2 went out in the first; each try sent item 3 again (refused, so nothing was sent).
		expect(emulator.messages.map((message) => message.text)).toEqual(['Retry 0', 'Retry 1', 'Retry 2']);
		expect(sendRequests(emulator)).toHaveLength(3 + 3);
	});

	test('a message that may have gone out is not sent again by the retries', async () => {
		emulator.injectFault({ method: 'POST', path: SMS_PATH, count: 1, fault: { kind: 'status', status: 500, processed: true } });
		const { error } = await runRingCentral({ parameters: retryParameters, credentials: credentialStore(emulator), items: itemsFrom([OK, OK]), settings: retry });
		expect(error?.message).toMatch(/^The SMS to \+14155551000 "Retry 0" may or may not have been sent/);
		expect(emulator.messages.map((message) => message.text)).toEqual(['Retry 0']);
		expect(sendRequests(emulator)).toHaveLength(1);
	});

	test('with Continue On Fail, a failed first item makes n8n retry the node: the other items go out once', async () => {
		const { output } = await runRingCentral({ parameters: retryParameters, credentials: credentialStore(emulator), items: itemsFrom([CALLER_ID_ONLY, OK, OK, OK]), settings: retry, continueOnFail: true });
		expect(output[0].json.error).toMatch(/^RingCentral error MSG-242/);
		expect(output.slice(1).map((item) => item.json.messageStatus)).toEqual(['Queued', 'Queued', 'Queued']);
		expect(emulator.messages.map((message) => message.text)).toEqual(['Retry 1', 'Retry 2', 'Retry 3']);
	});
});
