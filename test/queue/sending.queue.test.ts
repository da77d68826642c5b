/**
 * Sending in n8n's queue mode: a main process takes the webhooks, two workers run the executions,
 * each with its own pacer and token coalescing; the access token lives in the shared credential
 * store (PostgreSQL). RingCentral's limits apply, Medium scaled to 40 per 3 s. Prints the figures.
 */
import { listExecutions } from '../../dev/n8n/n8n';
import { describeSends, journalMark, sendFigures, tokenFigures } from '../../dev/queue/figures';
import { describeQueue, publish, useQueueCluster } from '../../dev/queue/setup';
import { messages, postAll, smsFromWebhook } from '../../dev/queue/workflows';

const WORKFLOW = smsFromWebhook('queueBurstSms001', 'queue-burst');
const EXECUTIONS = 20;
const PER_EXECUTION = 10;

describeQueue('sending from two n8n workers in queue mode', () => {
	// Access tokens live 10 s instead of an hour, so they expire during every run; the Auth group's
	// window is scaled by as much less (5 token requests per 10 s), the Medium one to 3 s.
	const stack = useQueueCluster({ workflows: [WORKFLOW], workers: 2 }, {
		accessTokenTtlSeconds: 10,
		rateLimits: { Medium: { limit: 40, windowSeconds: 3 }, Auth: { limit: 5, windowSeconds: 10 } },
	});
	const url = () => `${stack.cluster.main.url}/webhook/queue-burst`;
	const bodies = (run: string, first: number) =>
		Array.from({ length: EXECUTIONS }, (_, n) => ({ messages: messages(`${run} ${n + 1}`, PER_EXECUTION, first + n * PER_EXECUTION) }));

	beforeAll(async () => await publish(stack, WORKFLOW.id, url()), 120_000);

	test(`burst: ${EXECUTIONS} webhook executions × ${PER_EXECUTION} SMS at once; every message accepted exactly once, one login per worker at most`, async () => {
		const mark = journalMark(stack.emulator);
		const results = await postAll(url(), bodies('burst', 1000));

		expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
		for (const result of results) expect(result.body).toHaveLength(PER_EXECUTION);
		const sends = sendFigures(stack.emulator, mark);
		const tokens = tokenFigures(stack.emulator, mark);
		console.log(describeSends('burst', sends));
		console.log(`burst token requests: ${JSON.stringify(tokens)}; sessions ${stack.emulator.sessions().length}; slowest webhook answer ${Math.max(...results.map((r) => r.ms))} ms`);
		console.log(`executions per worker: ${stack.cluster.workers.map((w) => w.startedExecutions().length).join(' / ')} (warm-up included)`);
		expect(sends.accepted).toBe(EXECUTIONS * PER_EXECUTION);
		expect(sends.duplicates).toEqual([]);
		expect(sends.otherFailures).toBe(0);
		expect(recipientsOnce(1000, EXECUTIONS * PER_EXECUTION)).toBe(true);
		// Cold start: at most one login per worker, however many executions start at once, and none
		// later in the burst (the 10-second tokens expire during it and are refreshed).
		expect(tokens.jwtLogins).toBeGreaterThanOrEqual(1);
		expect(tokens.jwtLogins).toBeLessThanOrEqual(stack.cluster.workers.length);
		expect(tokens.refusedRefreshes).toBe(0);
		const runs = await listExecutions(stack.cluster.client, WORKFLOW.id, 100);
		expect(runs.filter((run) => run.status === 'success')).toHaveLength(EXECUTIONS + 1);
	});

	test('token expiry mid-run across workers: no refused refresh, no new login, no lost or doubled message', async () => {
		const mark = journalMark(stack.emulator);
		const sessionsBefore = stack.emulator.sessions().length;
		// The token both workers use expires during the run (10 s): both meet 401s at about the same time.
		const results = await postAll(url(), bodies('expiry', 2000));

		const sends = sendFigures(stack.emulator, mark);
		const tokens = tokenFigures(stack.emulator, mark);
		const expired = stack.emulator.requests({ path: /\/sms$/ }).filter((entry) => entry.seq > mark && entry.status === 401).length;
		console.log(describeSends('token expiry', sends));
		console.log(`token expiry: ${expired} /sms requests answered 401; token requests ${JSON.stringify(tokens)}; sessions ${sessionsBefore} → ${stack.emulator.sessions().length}`);
		expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
		expect(sends.accepted).toBe(EXECUTIONS * PER_EXECUTION);
		expect(sends.duplicates).toEqual([]);
		expect(recipientsOnce(2000, EXECUTIONS * PER_EXECUTION)).toBe(true);
		expect(tokens.refusedRefreshes).toBe(0);
		expect(tokens.jwtLogins).toBe(0);
		expect(expired).toBeGreaterThanOrEqual(1);
		expect(tokens.refreshes).toBeGreaterThanOrEqual(1);
		expect(stack.emulator.sessions().length).toBeLessThanOrEqual(sessionsBefore);
	});

	/** Each of the numbers first…first+count-1 got exactly one message. */
	function recipientsOnce(first: number, count: number): boolean {
		const counts = new Map<string, number>();
		for (const message of stack.emulator.outbound) for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1);
		return Array.from({ length: count }, (_, n) => `+1415555${first + n}`).every((to) => counts.get(to) === 1);
	}
});
