import type { INodeExecutionData } from 'n8n-workflow';

import { runRingCentral } from '../../dev/harness/engine';
import { credentialStore, sendRequests, smsParameters, startEmulator } from '../../dev/harness/setup';

const itemsFor = (count: number, prefix: string): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { phone: `+1415555${String(1000 + (i % 9000))}`, text: `${prefix} message ${i}` } }));
const parameters = smsParameters({ to: '={{ $json.phone }}', text: '={{ $json.text }}' });

function duplicates(texts: (string | undefined)[]): number {
	return texts.length - new Set(texts).size;
}

describe("Pacing by RingCentral's rate-limit headers", () => {
	test('200 items under a 40-per-window limit: zero 429s, none lost, none duplicated', async () => {
		// RingCentral's Medium group allows 40 requests a minute; the window is scaled down to 1 s.
		const emulator = await startEmulator({ rateLimits: { Medium: { limit: 40, windowSeconds: 1 } } });
		try {
			const { output, error } = await runRingCentral({ parameters, credentials: credentialStore(emulator), items: itemsFor(200, 'paced') });
			expect(error).toBeUndefined();
			expect(output.filter((item) => item.json.messageStatus === 'Queued')).toHaveLength(200);
			expect(sendRequests(emulator).filter((request) => request.status === 429)).toHaveLength(0);
			expect(emulator.messages).toHaveLength(200);
			expect(duplicates(emulator.messages.map((message) => message.text))).toBe(0);
		} finally {
			await emulator.stop();
		}
	});

	test('the same 200 items when the window slides instead of restarting: zero 429s, none lost', async () => {
		const emulator = await startEmulator({ rateLimits: { Medium: { limit: 40, windowSeconds: 1, sliding: true } } });
		try {
			const { output } = await runRingCentral({ parameters, credentials: credentialStore(emulator), items: itemsFor(200, 'sliding') });
			expect(output.filter((item) => item.json.messageStatus === 'Queued')).toHaveLength(200);
			expect(sendRequests(emulator).filter((request) => request.status === 429)).toHaveLength(0);
			expect(duplicates(emulator.messages.map((message) => message.text))).toBe(0);
		} finally {
			await emulator.stop();
		}
	});

	test('4 executions at once on one account with a tight limit: none lost, none duplicated', async () => {
		const emulator = await startEmulator({ rateLimits: { Medium: { limit: 10, windowSeconds: 1 } } });
		try {
			const credentials = credentialStore(emulator);
			// One token first, as after the first of many executions.
			await runRingCentral({ parameters, credentials, items: itemsFor(1, 'warm-up') });
			const runs = await Promise.all(
				['A', 'B', 'C', 'D'].map(async (name) => await runRingCentral({ parameters, credentials, items: itemsFor(25, name) })),
			);
			for (const run of runs) {
				expect(run.error).toBeUndefined();
				expect(run.output).toHaveLength(25);
			}
			expect(emulator.messages).toHaveLength(101);
			expect(duplicates(emulator.messages.map((message) => message.text))).toBe(0);
			// All four share one pacer in this n8n process, so none of them runs into a 429 either.
			expect(sendRequests(emulator).filter((request) => request.status === 429)).toHaveLength(0);
		} finally {
			await emulator.stop();
		}
	});

	test('another process using up the window is waited out from the headers alone', async () => {
		const emulator = await startEmulator({ rateLimits: { Medium: { limit: 5, windowSeconds: 1 } } });
		try {
			const credentials = credentialStore(emulator);
			await runRingCentral({ parameters, credentials, items: itemsFor(1, 'warm-up') });
			// Someone else (another n8n worker) spends the rest of the window with the same token.
			const token = String(credentials.stored.ringCentralJwtApi.accessToken);
			for (let i = 0; i < 4; i++) {
				await fetch(`${emulator.url}/restapi/v1.0/account/~/extension/~/sms`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					body: JSON.stringify({ from: { phoneNumber: '+16505550100' }, to: [{ phoneNumber: '+14155550100' }], text: `other worker ${i}` }),
				});
			}
			const { output } = await runRingCentral({ parameters, credentials, items: itemsFor(6, 'after'), continueOnFail: true });
			expect(output.filter((item) => item.error === undefined)).toHaveLength(6);
			expect(emulator.messages).toHaveLength(11);
			expect(duplicates(emulator.messages.map((message) => message.text))).toBe(0);
		} finally {
			await emulator.stop();
		}
	});
});

describe('Token requests are rate-limited too', () => {
	test('a 429 from the token endpoint is waited out and the SMS is sent', async () => {
		const emulator = await startEmulator();
		try {
			emulator.injectFault({ method: 'POST', path: '/restapi/oauth/token', count: 1, fault: { kind: 'rateLimited', retryAfterSeconds: 1 } });
			const { output, error } = await runRingCentral({ parameters, credentials: credentialStore(emulator), items: itemsFor(1, 'token') });
			expect(error).toBeUndefined();
			expect(output[0].json.messageStatus).toBe('Queued');
			expect(emulator.tokenRequests().map((request) => request.status)).toEqual([429, 200]);
		} finally {
			await emulator.stop();
		}
	});
});
