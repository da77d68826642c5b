/**
 * The RingCentral Trigger in n8n's queue mode: the main process activates the workflow (creates the
 * subscription) and takes RingCentral's webhook calls; the executions, and the replies they send,
 * run on the workers. 20 inbound texts arrive at once.
 */
import { EXAMPLES, loadExample, triggerUrl } from '../../dev/n8n/examples';
import { deactivateWorkflow, listExecutions, sleep } from '../../dev/n8n/n8n';
import { describeQueue, publish, useQueueCluster, waitUntil } from '../../dev/queue/setup';

const TEXTS = 20;

describeQueue('RingCentral Trigger with two n8n workers in queue mode', () => {
	const workflow = loadExample('autoReply');
	const stack = useQueueCluster({ workflows: [workflow], workers: 2 });
	const subscriptionRequests = (method: string) => stack.emulator.requests({ method, path: /^\/restapi\/v1\.0\/subscription/ });

	test('activation on the main process creates exactly one subscription, to the main process\'s URL', async () => {
		await publish(stack, EXAMPLES.autoReply.id);
		const subscriptions = stack.emulator.subscriptions.list();
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({ address: triggerUrl(workflow, stack.cluster.main.url), status: 'Active' });
		expect(subscriptionRequests('POST').filter((entry) => entry.status === 200)).toHaveLength(1);
	});

	test(`${TEXTS} inbound texts at once: each runs once, on a worker, and gets exactly one reply`, async () => {
		const started = Date.now();
		const injected = await Promise.all(
			Array.from({ length: TEXTS }, async (_, n) => await stack.emulator.injectInboundSms({ from: `+1415555${3000 + n}`, text: `inbound ${n + 1}` })),
		);
		for (const { deliveries } of injected) expect(deliveries).toEqual([expect.objectContaining({ status: 200, blacklisted: false })]);
		await waitUntil(() => stack.emulator.outbound.length >= TEXTS, 180_000, `${TEXTS} replies`);
		const seconds = (Date.now() - started) / 1000;
		// Late duplicates would show within a few seconds.
		await sleep(3000);

		const replies = stack.emulator.outbound;
		expect(replies).toHaveLength(TEXTS);
		for (let n = 0; n < TEXTS; n++) {
			const to = `+1415555${3000 + n}`;
			const mine = replies.filter((reply) => reply.to.includes(to));
			expect(mine).toHaveLength(1);
			expect(mine[0].text).toContain(`inbound ${n + 1}`);
		}
		const executions = await listExecutions(stack.cluster.client, EXAMPLES.autoReply.id, 100);
		expect(executions).toHaveLength(TEXTS);
		expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
		const perWorker = stack.cluster.workers.map((worker) => worker.startedExecutions());
		const ranOnWorkers = new Set(perWorker.flat());
		for (const execution of executions) expect(ranOnWorkers.has(String(execution.id))).toBe(true);
		console.log(`trigger: ${TEXTS} texts → ${replies.length} replies in ${seconds.toFixed(1)} s; executions per worker ${perWorker.map((ids) => ids.length).join(' / ')}; token requests ${stack.emulator.tokenRequests().length}`);
	});

	test('deactivation deletes the subscription; a later text starts nothing', async () => {
		await deactivateWorkflow(stack.cluster.client, EXAMPLES.autoReply.id);
		await waitUntil(() => stack.emulator.subscriptions.list().length === 0, 60_000, 'subscription deleted');
		expect(subscriptionRequests('DELETE').map((entry) => entry.status)).toEqual([204]);
		const { deliveries } = await stack.emulator.injectInboundSms({ from: '+14155553999', text: 'anyone there?' });
		expect(deliveries).toHaveLength(0);
		await sleep(2000);
		expect(await listExecutions(stack.cluster.client, EXAMPLES.autoReply.id, 100)).toHaveLength(TEXTS);
	});
});
