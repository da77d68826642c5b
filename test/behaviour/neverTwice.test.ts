// Never twice: once a send's request is written, anything short of a complete answer is "may or may not have been sent".
import type { INodeParameters } from 'n8n-workflow';

import type { FaultKind } from '../../dev/emulator';
import { runRingCentral } from '../../dev/harness/engine';
import { credentialStore, mmsParameters, sendRequests, smsParameters } from '../../dev/harness/setup';
import { fileBytes, inlineBinary } from '../../dev/harness/binary';
import { useEmulator } from '../../dev/harness/lifecycle';

const emulator = useEmulator();
const retry = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 };

const cutOff: [string, FaultKind, INodeParameters][] = [
	['200 OK, Content-Length 400 and 24 bytes, then a closed socket', { kind: 'truncated', status: 200, bytes: 24 }, {}],
	['a 500 whose body is cut off', { kind: 'truncated', status: 500, bytes: 10 }, {}],
	['a 400 whose body is cut off', { kind: 'truncated', status: 400, bytes: 10 }, {}],
	['a body that trickles past the Timeout option', { kind: 'trickle', intervalMs: 100 }, { timeout: 1 }],
];

describe('A send whose answer is cut off is an uncertain outcome, never retried', () => {
	test.each(cutOff)('SMS with %s, under Retry On Fail (3 tries): stored once, reported as may or may not', async (_name, fault, options) => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		emulator.injectFault({ method: 'POST', path: /\/sms$/, count: 1, fault });
		const { error } = await runRingCentral({ parameters: smsParameters({ text: 'Your table is ready', options }), credentials, settings: retry });
		expect(error?.message).toMatch(/^The SMS to \+14155550100 "Your table is ready" may or may not have been sent/);
		expect(sendRequests(emulator)).toHaveLength(2);
		expect(emulator.messages.filter((message) => message.text === 'Your table is ready').length).toBeLessThanOrEqual(1);
	});

	test('an MMS whose answer is cut off is not sent again either', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		emulator.injectFault({ method: 'POST', path: /\/mms$/, count: 1, fault: { kind: 'truncated', status: 200 } });
		const { error } = await runRingCentral({
			parameters: mmsParameters(),
			credentials,
			settings: retry,
			items: [{ json: {}, binary: { data: inlineBinary(fileBytes(900, 4), 'image/png', 'photo.png') } }],
		});
		expect(error?.message).toMatch(/^The MMS to \+14155550100 "A picture" with photo\.png may or may not have been sent/);
		expect(emulator.requests({ method: 'POST', path: /\/mms$/ })).toHaveLength(1);
		expect(emulator.messages.filter((message) => message.attachments.length > 0)).toHaveLength(1);
	});

	test('with Continue On Fail the next items still go, each once', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		emulator.injectFault({ method: 'POST', path: /\/sms$/, count: 1, fault: { kind: 'truncated' } });
		const items = ['first', 'second', 'third'].map((text) => ({ json: { text } }));
		const { output } = await runRingCentral({ parameters: smsParameters({ text: '={{ $json.text }}' }), credentials, items, continueOnFail: true, settings: retry });
		expect(output.map((item) => (item.error ? 'uncertain' : item.json.messageStatus))).toEqual(['uncertain', 'Queued', 'Queued']);
		expect(emulator.messages.map((message) => message.text).filter((text) => text !== 'Hello from n8n')).toEqual(['first', 'second', 'third']);
	});
});

describe('A cut-off answer to a read is simply read again', () => {
	test('the From list survives one truncated page', async () => {
		const { listSearch } = await import('../../dev/harness/engine');
		emulator.injectFault({ method: 'GET', path: /phone-number$/, count: 1, fault: { kind: 'truncated' } });
		const result = await listSearch('getSmsSenders', smsParameters(), credentialStore(emulator));
		expect(result.results.length).toBeGreaterThan(0);
	});
});
