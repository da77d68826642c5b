/**
 * A worker killed (SIGKILL) in the middle of a 200-message execution. What n8n 2.41.1 does with
 * it: Bull's lock on the job expires, the surviving worker's stalled-job check fails the job
 * (n8n sets maxStalledCount 0, so it is never handed to another worker), and the main process
 * records the execution as failed; n8n's Retry of it runs nothing (no progress was saved). The
 * package's promise: nothing the dead worker may have sent goes out again.
 */
import { getExecution, listExecutions, sleep } from '../../dev/n8n/n8n';
import { describeQueue, publish, useQueueCluster, waitUntil } from '../../dev/queue/setup';
import { messages, postAll, smsFromWebhook } from '../../dev/queue/workflows';

const WORKFLOW = smsFromWebhook('queueKilledSms01', 'queue-killed', 'onReceived');
const ITEMS = 200;
const KILL_AFTER = 60;
// How soon n8n notices: the job's lock (10 s here, 60 s by default) plus a stalled check (5 s; 30 s).
const LOCK_MS = 10_000;
const STALLED_MS = 5_000;

describeQueue('a worker killed during a 200-message execution', () => {
	const stack = useQueueCluster({ workflows: [WORKFLOW], workers: 2, lockDurationMs: LOCK_MS, stalledIntervalMs: STALLED_MS });
	const url = () => `${stack.cluster.main.url}/webhook/queue-killed`;
	let failedExecution = '';

	test('n8n fails the execution and runs it nowhere else; no message is sent twice', async () => {
		await publish(stack, WORKFLOW.id, url());
		const before = new Set((await listExecutions(stack.cluster.client, WORKFLOW.id, 100)).map((e) => String(e.id)));
		const sent = () => stack.emulator.outbound.filter((message) => message.text?.startsWith('killed '));
		const [answer] = await postAll(url(), [{ messages: messages('killed', ITEMS, 5000) }]);
		expect(answer.status).toBe(200);

		await waitUntil(() => sent().length >= KILL_AFTER, 120_000, `${KILL_AFTER} messages sent`);
		const executionId = await runningExecution(before);
		const victim = stack.cluster.workers.find((worker) => worker.startedExecutions().includes(executionId));
		if (!victim) throw new Error(`no worker logged execution ${executionId}`);
		const killedAt = Date.now();
		await victim.kill();
		const sentAtKill = sent().length;

		// Until n8n has decided; then as long again, for a re-run that would send again.
		const deadline = Date.now() + 4 * (LOCK_MS + STALLED_MS) + 60_000;
		let status = '';
		while (Date.now() < deadline) {
			status = (await getExecution(stack.cluster.client, executionId)).status;
			if (!['new', 'running'].includes(status)) break;
			await sleep(500);
		}
		const decidedAfterMs = Date.now() - killedAt;
		await sleep(LOCK_MS + STALLED_MS);
		const stored = await getExecution(stack.cluster.client, executionId);
		const survivor = stack.cluster.workers.find((worker) => worker !== victim)!;
		const texts = sent().map((message) => message.text);
		const error = stored.data?.resultData?.error;
		console.log(
			`worker killed after ${sentAtKill} of ${ITEMS} messages; n8n 2.41.1 set the execution to "${stored.status}" after ${(decidedAfterMs / 1000).toFixed(1)} s` +
				` ("${error?.message ?? ''}"); sent in all: ${texts.length}, twice: ${texts.length - new Set(texts).size};` +
				` survivor ran it: ${survivor.startedExecutions().includes(executionId)}`,
		);
		expect(['error', 'crashed']).toContain(stored.status);
		expect(survivor.startedExecutions()).not.toContain(executionId);
		expect(new Set(texts).size).toBe(texts.length);
		// At most the requests that were already on their way when the worker died.
		expect(texts.length).toBeLessThanOrEqual(sentAtKill + 10);
		failedExecution = executionId;
	});

	test("n8n's Retry of that execution (Executions > Retry) sends nothing again either", async () => {
		const sent = () => stack.emulator.outbound.filter((message) => message.text?.startsWith('killed ')).map((message) => message.text);
		const before = sent().length;
		const retry = await stack.cluster.client.rest('POST', `/rest/executions/${failedExecution}/retry`, { loadWorkflow: false });
		expect(retry.status).toBe(200);
		// The worker died before n8n saved any progress: the retry has nothing to run and fails at once.
		expect(retry.data).toMatchObject({ mode: 'retry', retryOf: failedExecution, status: 'error' });
		await sleep(10_000);
		const texts = sent();
		console.log(`Retry of execution ${failedExecution}: ${retry.data.status}; messages sent ${before} → ${texts.length}`);
		expect(texts).toHaveLength(before);
		expect(new Set(texts).size).toBe(texts.length);
	});

	/** The one execution of the workflow that is not in `before` and is running. */
	async function runningExecution(before: Set<string>): Promise<string> {
		const runs = await listExecutions(stack.cluster.client, WORKFLOW.id, 100);
		const fresh = runs.filter((run) => !before.has(String(run.id)));
		if (fresh.length !== 1) throw new Error(`expected one new execution, got ${JSON.stringify(fresh)}`);
		return String(fresh[0].id);
	}
});
