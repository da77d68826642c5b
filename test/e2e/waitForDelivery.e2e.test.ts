/**
 * The example "send, then wait for delivery" run by `n8n execute --id` in a real n8n: the delivered
 * message leaves by the main output, the refused one by the error output with its reason.
 */
import { RingCentralEmulator } from '../../dev/emulator';
import { EXAMPLES, jwtCredential, loadExample } from '../../dev/n8n/examples';
import type { N8nHome } from '../../dev/n8n/n8n';
import { describeE2e, disposeN8n, emulatorAccess, expectSucceeded, prepareN8n, runWorkflow } from '../../dev/n8n/setup';

describeE2e('example: send, then wait for delivery', () => {
	let emulator: RingCentralEmulator;
	let home: N8nHome;

	beforeAll(async () => {
		emulator = await RingCentralEmulator.start();
		home = await prepareN8n({ credentials: [jwtCredential(emulatorAccess(emulator))], workflows: [loadExample('sendWait')] });
	}, 120_000);

	afterAll(async () => {
		await emulator?.stop();
		disposeN8n(home);
	});

	test('Ann is delivered, Bob (a number that cannot receive texts) goes to the error output with the reason', async () => {
		const result = await runWorkflow(home, EXAMPLES.sendWait.id);
		expectSucceeded(result);
		const runData = result.run.data.resultData.runData;
		const [main, failed] = runData['Wait for Delivery'][0].data.main;
		expect(main.map((item: any) => [item.json.to[0].phoneNumber, item.json.messageStatus])).toEqual([['+14155550101', 'Delivered']]);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/to \+14155550190 was not delivered: DeliveryFailed \(SMS-CAR-411\)/);
		expect(runData['Delivered (e.g. log to your CRM)'][0].data.main[0]).toHaveLength(1);
		expect(runData['Not Delivered (e.g. alert someone)'][0].data.main[0]).toHaveLength(1);
		// Both messages were read together: one bulk request per round.
		const reads = emulator.requests({ method: 'GET', path: /\/message-store\// });
		expect(reads[0]).toMatchObject({ status: 207, group: 'Light' });
		expect(reads[0].path.split('/').pop()!.split(',')).toHaveLength(2);
	}, 120_000);
});
