/**
 * The JWT credential keeps its access token in n8n's database: ten separate `n8n execute`
 * processes of one workflow cost a single token request. The emulator applies RingCentral's
 * limits: a login per execution would run into 5 token requests a minute and 5 sessions a user.
 */
import { RingCentralEmulator } from '../../dev/emulator';
import { EXAMPLES, jwtCredential, loadExample } from '../../dev/n8n/examples';
import type { N8nHome } from '../../dev/n8n/n8n';
import { describeE2e, disposeN8n, emulatorAccess, expectSucceeded, prepareN8n, runWorkflow } from '../../dev/n8n/setup';

const RUNS = 10;

describeE2e('token reuse across executions', () => {
	let emulator: RingCentralEmulator;
	let home: N8nHome;

	beforeAll(async () => {
		emulator = await RingCentralEmulator.start();
		home = await prepareN8n({
			credentials: [jwtCredential(emulatorAccess(emulator))],
			workflows: [loadExample('rowsSms')],
		});
	}, 120_000);

	afterAll(async () => {
		await emulator?.stop();
		disposeN8n(home);
	});

	test(`${RUNS} executions of the rows example: ${RUNS * 3} SMS, one token request`, async () => {
		for (let run = 1; run <= RUNS; run++) {
			expectSucceeded(await runWorkflow(home, EXAMPLES.rowsSms.id));
		}
		expect(emulator.messages).toHaveLength(RUNS * 3);
		expect(emulator.tokenRequests()).toHaveLength(1);
		expect(emulator.sessions()).toHaveLength(1);
		const tokens = new Set(emulator.requests({ path: /\/sms$/ }).map((r) => r.headers.authorization));
		expect(tokens.size).toBe(1);
	}, 300_000);
});
