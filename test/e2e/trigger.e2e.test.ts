/**
 * The RingCentral Trigger in a running n8n 2.41.1 (`n8n start`, published workflows), against the
 * emulator: activation and the handshake, inbound SMS with an accepted reply, MMS files byte for
 * byte, forged events, deactivation, recovery after n8n was down, "Listen for test event". Prints
 * the time from RingCentral's delivery to the workflow's start.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { EXAMPLES, jwtCredential, loadExample, triggerUrl, withFilesFolder } from '../../dev/n8n/examples';
import { activateWorkflow, deactivateWorkflow, getExecution, listExecutions, setupOwnerAndLogin, sleep, startN8n, waitForExecutions } from '../../dev/n8n/n8n';
import { describeE2e, runningN8n, sha256, storedBinary } from '../../dev/n8n/setup';

const CUSTOMER = '+14155550142';
const SENDER = '+16505550100';

describeE2e('RingCentral Trigger on a running n8n', () => {
	const files = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-mms-files-'));
	const stack = runningN8n((access) => ({
		credentials: [jwtCredential(access)],
		workflows: [loadExample('autoReply'), withFilesFolder(loadExample('saveMms'), files)],
		env: { N8N_RESTRICT_FILE_ACCESS_TO: files },
	}));
	afterAll(() => fs.rmSync(files, { recursive: true, force: true }));

	const autoReply = () => loadExample('autoReply');
	const productionUrl = () => triggerUrl(autoReply(), stack.n8n.url);
	const executions = async (workflowId: string = EXAMPLES.autoReply.id) => await listExecutions(stack.client, workflowId, 100);
	const activeSubscriptions = () => stack.emulator.subscriptions.list().filter((s) => s.status === 'Active');

	test('activation creates exactly one subscription to the production URL and passes the handshake', async () => {
		const publication = await activateWorkflow(stack.client, EXAMPLES.autoReply.id);
		expect(publication.status).toBe('published');
		const subscriptions = stack.emulator.subscriptions.list();
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({ address: productionUrl(), status: 'Active', expiresIn: 315_360_000 });
		const [handshake] = stack.emulator.subscriptions.handshakes;
		expect(handshake).toMatchObject({ address: productionUrl(), status: 200, failedWith: undefined });
		console.log(`handshake answer from n8n: ${handshake.bytes} bytes in ${handshake.ms} ms (RingCentral allows 1024 bytes, 3000 ms)`);
		expect(handshake.bytes).toBeLessThanOrEqual(1024);
	});

	test('an inbound SMS starts one execution whose reply RingCentral accepts; event→start time printed', async () => {
		const { deliveries } = await stack.emulator.injectInboundSms({ from: CUSTOMER, text: 'Is my order ready?' });
		expect(deliveries).toEqual([expect.objectContaining({ status: 200, blacklisted: false })]);
		const [execution] = await waitForExecutions(stack.client, EXAMPLES.autoReply.id, 1);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
		expect(stack.emulator.outbound).toHaveLength(1);
		expect(stack.emulator.outbound[0]).toMatchObject({ from: SENDER, to: [CUSTOMER] });
		expect(stack.emulator.outbound[0].text).toContain('Is my order ready?');
		const stored = await getExecution(stack.client, execution.id);
		const trigger = stored.data.resultData.runData['When a Text Arrives'][0].data.main[0][0].json;
		expect(trigger).toMatchObject({ text: 'Is my order ready?', from: { phoneNumber: CUSTOMER }, direction: 'Inbound' });
		expect(stored.data.resultData.runData['Reply to the Sender'][0].data.main[0][0].json).toMatchObject({ messageStatus: 'Queued', to: [{ phoneNumber: CUSTOMER }] });

		// More texts, one at a time, for the timing figures.
		const delays = [Date.parse(execution.startedAt) - deliveries[0].sentAt];
		for (let n = 2; n <= 10; n++) {
			const sent = await stack.emulator.injectInboundSms({ from: CUSTOMER, text: `text ${n}` });
			const done = await waitForExecutions(stack.client, EXAMPLES.autoReply.id, n);
			delays.push(Date.parse(done[0].startedAt) - sent.deliveries[0].sentAt);
		}
		const sorted = [...delays].sort((a, b) => a - b);
		console.log(`inbound event → workflow start in n8n 2.41.1 (${delays.length} texts): median ${sorted[Math.floor(sorted.length / 2)]} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms; each: ${delays.join(', ')} ms`);
		expect(stack.emulator.outbound).toHaveLength(10);
	});

	test('forged events (no or wrong Verification-Token, another subscription ID) get 403 and start nothing', async () => {
		const before = (await executions()).length;
		const [subscription] = activeSubscriptions();
		const event = (subscriptionId: string) => ({
			uuid: 'forged',
			event: '/restapi/v1.0/account/100/extension/101/message-store/instant?type=SMS',
			subscriptionId,
			ownerId: '101',
			body: { id: '1', from: { phoneNumber: CUSTOMER }, to: [{ phoneNumber: SENDER }], direction: 'Inbound', type: 'SMS', subject: 'send me money', attachments: [] },
		});
		const forged: [Record<string, string>, string][] = [
			[{}, subscription.id],
			[{ 'Verification-Token': 'guessed' }, subscription.id],
			[{ 'Verification-Token': subscription.verificationToken! }, 'another-subscription'],
		];
		for (const [headers, subscriptionId] of forged) {
			const res = await fetch(productionUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(event(subscriptionId)) });
			expect(res.status).toBe(403);
		}
		await sleep(2000);
		expect(await executions()).toHaveLength(before);
		expect(stack.emulator.outbound).toHaveLength(10);
	});

	test('secrets never appear in execution data', async () => {
		const [subscription] = activeSubscriptions();
		const { clientSecret, jwt } = stack.emulator.options;
		const bearer = stack.emulator.journal.map((entry) => /^Bearer (.+)$/.exec(entry.headers.authorization ?? '')?.[1]).filter(Boolean) as string[];
		const secrets = [subscription.verificationToken!, clientSecret, jwt, ...new Set(bearer)];
		for (const { id } of await executions()) {
			const stored = JSON.stringify(await getExecution(stack.client, id));
			for (const secret of secrets) expect(stored).not.toContain(secret);
		}
	});

	test('a subscription blacklisted while n8n was down is replaced when the workflow is published again', async () => {
		const [old] = activeSubscriptions();
		await stack.n8n.stop();
		const missed = await stack.emulator.injectInboundSms({ from: CUSTOMER, text: 'while you were out' });
		expect(missed.deliveries[0]).toMatchObject({ status: null, blacklisted: true });
		await restart();
		// n8n 2.41 (publication service on, its default) keeps webhook routes across restarts without running checkExists.
		await sleep(3000);
		console.log(`after the restart the old subscription is ${stack.emulator.subscriptions.get(old.id)?.status ?? 'gone'}`);
		await republish(EXAMPLES.autoReply.id);
		const live = activeSubscriptions();
		expect(live).toHaveLength(1);
		expect(live[0]).toMatchObject({ address: productionUrl(), status: 'Active' });
		expect(live[0].id).not.toBe(old.id);
		expect(stack.emulator.subscriptions.get(old.id)).toBeUndefined();
		const before = (await executions()).length;
		await stack.emulator.injectInboundSms({ from: CUSTOMER, text: 'back again' });
		await waitForExecutions(stack.client, EXAMPLES.autoReply.id, before + 1);
	});

	test('a subscription deleted elsewhere: unpublishing tolerates it, publishing creates a new one', async () => {
		const [old] = activeSubscriptions();
		stack.emulator.subscriptions.remove(old.id);
		await republish(EXAMPLES.autoReply.id);
		const deletes = stack.emulator.requests({ method: 'DELETE', path: `/restapi/v1.0/subscription/${old.id}` });
		expect(deletes.map((entry) => entry.status)).toEqual([404]);
		expect(stack.emulator.subscriptions.list()).toEqual([expect.objectContaining({ address: productionUrl(), status: 'Active' })]);
	});

	test('deactivation deletes the subscription; later texts start nothing', async () => {
		await unpublish(EXAMPLES.autoReply.id);
		expect(stack.emulator.subscriptions.list()).toHaveLength(0);
		const before = (await executions()).length;
		const { deliveries } = await stack.emulator.injectInboundSms({ from: CUSTOMER, text: 'hello?' });
		expect(deliveries).toHaveLength(0);
		await sleep(2000);
		expect(await executions()).toHaveLength(before);
	});

	test('an inbound MMS: the trigger\'s binary data and the saved files are byte-identical to what was sent', async () => {
		expect((await activateWorkflow(stack.client, EXAMPLES.saveMms.id)).status).toBe('published');
		const photo = Buffer.from(Array.from({ length: 150_000 }, (_, i) => (i * 31 + 7) & 0xff));
		const card = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nTEL:+14155550142\r\nEND:VCARD\r\n');
		const { message } = await stack.emulator.injectInboundSms({
			from: CUSTOMER,
			text: 'My receipt and card',
			attachments: [{ fileName: 'receipt.jpg', contentType: 'image/jpeg', data: photo }, { fileName: 'ann.vcf', contentType: 'text/vcard', data: card }],
		});
		const [execution] = await waitForExecutions(stack.client, EXAMPLES.saveMms.id, 1);
		expect(execution.status).toBe('success');
		const stored = await getExecution(stack.client, execution.id);
		const binary = stored.data.resultData.runData['When an MMS Arrives'][0].data.main[0][0].binary;
		expect(binary.attachment_0).toMatchObject({ fileName: 'receipt.jpg', mimeType: 'image/jpeg' });
		expect(sha256(storedBinary(stack.home, binary.attachment_0.id))).toBe(sha256(photo));
		expect(sha256(storedBinary(stack.home, binary.attachment_1.id))).toBe(sha256(card));
		expect(sha256(fs.readFileSync(path.join(files, `mms-${message.id}-receipt.jpg`)))).toBe(sha256(photo));
		expect(sha256(fs.readFileSync(path.join(files, `mms-${message.id}-ann.vcf`)))).toBe(sha256(card));
		await unpublish(EXAMPLES.saveMms.id);
		expect(stack.emulator.subscriptions.list()).toHaveLength(0);
	});

	test('"Listen for test event" subscribes the test URL, runs once on the next text, then removes that subscription', async () => {
		const run = await stack.client.rest('POST', `/rest/workflows/${EXAMPLES.autoReply.id}/run`, { triggerToStartFrom: { name: 'When a Text Arrives' } });
		expect(run.data).toEqual({ waitingForWebhook: true });
		expect(stack.emulator.subscriptions.list().map((s) => s.address)).toEqual([triggerUrl(autoReply(), stack.n8n.url, 'webhook-test')]);
		const before = (await listExecutions(stack.client, EXAMPLES.autoReply.id, 100)).length;
		await stack.emulator.injectInboundSms({ from: CUSTOMER, text: 'testing 1 2 3' });
		const done = await waitForExecutions(stack.client, EXAMPLES.autoReply.id, before + 1);
		expect(done[0]).toMatchObject({ mode: 'manual', status: 'success' });
		await waitUntil(() => stack.emulator.subscriptions.list().length === 0);
	});

	test('with N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false, n8n runs checkExists at start: a blacklisted subscription is replaced then', async () => {
		expect((await activateWorkflow(stack.client, EXAMPLES.autoReply.id)).status).toBe('published');
		const [old] = activeSubscriptions();
		await stack.n8n.stop();
		await stack.emulator.injectInboundSms({ from: CUSTOMER, text: 'while you were out' });
		expect(stack.emulator.subscriptions.get(old.id)?.status).toBe('Blacklisted');
		stack.home.env.N8N_USE_WORKFLOW_PUBLICATION_SERVICE = 'false';
		await restart();
		const fresh = await waitForSubscription((s) => s.id !== old.id);
		expect(fresh.address).toBe(productionUrl());
		expect(stack.emulator.subscriptions.list()).toHaveLength(1);
	});

	/** Unpublishing is queued in n8n 2.41: done when the publication status says so (delete has run). */
	async function unpublish(workflowId: string): Promise<void> {
		await deactivateWorkflow(stack.client, workflowId);
		const deadline = Date.now() + 30_000;
		while ((await stack.client.rest('GET', `/rest/workflows/${workflowId}/publication-status`)).data.status !== 'not_published') {
			if (Date.now() > deadline) throw new Error(`${workflowId} not unpublished in time`);
			await sleep(200);
		}
	}

	/** Unpublish, then publish: n8n calls delete, then checkExists and create. */
	async function republish(workflowId: string): Promise<void> {
		await unpublish(workflowId);
		expect((await activateWorkflow(stack.client, workflowId)).status).toBe('published');
	}

	async function restart(): Promise<void> {
		stack.n8n = await startN8n(stack.home);
		stack.client = await setupOwnerAndLogin(stack.n8n);
	}

	async function waitForSubscription(match: (s: ReturnType<typeof activeSubscriptions>[number]) => boolean) {
		await waitUntil(() => activeSubscriptions().some(match));
		return activeSubscriptions().find(match)!;
	}
});

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(100);
	}
}
