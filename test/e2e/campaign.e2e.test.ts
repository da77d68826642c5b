/**
 * The High Volume SMS example run by `n8n execute --id` in a real n8n: the opted-out customer is
 * dropped before sending, the others go out in one batch, each output paired with its row.
 */
import { RingCentralEmulator } from '../../dev/emulator';
import { EXAMPLES, jwtCredential, loadExample } from '../../dev/n8n/examples';
import type { N8nHome } from '../../dev/n8n/n8n';
import { describeE2e, disposeN8n, emulatorAccess, expectSucceeded, nodeOutput, prepareN8n, runWorkflow } from '../../dev/n8n/setup';

const SENDER = '+16505550120';

describeE2e('campaign from a spreadsheet, skipping opted-out numbers', () => {
	let emulator: RingCentralEmulator;
	let home: N8nHome;

	beforeAll(async () => {
		emulator = await RingCentralEmulator.start();
		home = await prepareN8n({ credentials: [jwtCredential(emulatorAccess(emulator))], workflows: [loadExample('campaignOptOuts')] });
	}, 120_000);

	afterAll(async () => {
		await emulator?.stop();
		disposeN8n(home);
	});

	beforeEach(() => emulator.reset());

	test('Bob opted out: Ann, Cleo and Dev get the text in one batch request; Get Opt-Outs ran once', async () => {
		emulator.a2p.optOut(SENDER, '+14155550102');
		const result = await runWorkflow(home, EXAMPLES.campaignOptOuts.id);
		expectSucceeded(result);
		expect(emulator.requests({ method: 'GET', path: /a2p-sms\/opt-outs$/ })).toHaveLength(1);
		const batches = emulator.requests({ method: 'POST', path: /a2p-sms\/batches$/ });
		expect(batches).toHaveLength(1);
		expect(batches[0].body).toMatchObject({ from: SENDER, messages: [{ to: ['+14155550101'] }, { to: ['+14155550103'] }, { to: ['+16045550104'] }] });
		expect(emulator.a2p.messages.map((m) => m.text)).toEqual([
			'Hi Ann, our spring sale starts Monday: 20% off everything. Reply STOP to opt out.',
			'Hi Cleo, our spring sale starts Monday: 20% off everything. Reply STOP to opt out.',
			'Hi Dev, our spring sale starts Monday: 20% off everything. Reply STOP to opt out.',
		]);
		const sent = nodeOutput(result.run, 'Send Campaign').map((item) => item.json);
		expect(sent.map((json) => json.to)).toEqual(['+14155550101', '+14155550103', '+16045550104']);
		expect(new Set(sent.map((json) => json.batchId))).toEqual(new Set([emulator.a2p.batches[0].id]));
	});

	test('nobody opted out: Get Opt-Outs gives nothing and all four rows are sent', async () => {
		const result = await runWorkflow(home, EXAMPLES.campaignOptOuts.id);
		expectSucceeded(result);
		expect(emulator.a2p.messages.map((m) => m.to)).toEqual(['+14155550101', '+14155550102', '+14155550103', '+16045550104']);
	});
});
