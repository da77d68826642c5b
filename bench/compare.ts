/**
 * The RingCentral node side by side with n8n's HTTP Request node, in one full n8n 2.41.1 with
 * this package installed as a community package, all against one emulator in this process:
 * a) per-item cost, b) throughput under a rate limit, c) MMS memory (child process),
 * d) token requests over several executions. Prints figures; asserts nothing about timings.
 * Run alone: npx tsx bench/compare.ts [--quick]
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import type { EmulatorOptions, RingCentralEmulator } from '../dev/emulator';
import { startEmulator } from '../dev/harness/setup';
import { BenchN8n } from './fullN8n';
import { RESULT_PREFIX, type MmsMemoryResult } from './mmsMemory';
import { CREDENTIALS, SMS_PATH, VARIANT_LABELS, credentialsJson, workflow, type Variant } from './workflows';

export interface Sizes {
	perItemCount: number;
	perItemRepetitions: number;
	throughputCount: number;
	limit: { limit: number; windowSeconds: number };
	mmsItems: number;
	/** A second, smaller MMS run: equal growth for both sizes shows memory does not scale with items. */
	mmsSmallItems?: number;
	tokenExecutions: number;
}

export const FULL: Sizes = { perItemCount: 500, perItemRepetitions: 3, throughputCount: 200, limit: { limit: 40, windowSeconds: 2 }, mmsItems: 200, mmsSmallItems: 20, tokenExecutions: 10 };
export const QUICK: Sizes = { perItemCount: 50, perItemRepetitions: 1, throughputCount: 60, limit: { limit: 40, windowSeconds: 1 }, mmsItems: 20, tokenExecutions: 3 };

export interface PerItemRun {
	order: string;
	ringCentralMsPerItem: number;
	httpMsPerItem: number;
	ratio: number;
	accepted: number;
}

export interface PerItemResult {
	count: number;
	runs: PerItemRun[];
	ringCentralMsPerItem: number;
	httpMsPerItem: number;
	ratio: number;
}

export interface ThroughputResult {
	variant: Variant;
	label: string;
	items: number;
	accepted: number;
	spanMs: number;
	/** accepted ÷ (last − first send request), per second. */
	achievedPerSecond: number;
	ceilingPerSecond: number;
	ratio: number;
	/** The same ratio for the best possible schedule: full bursts, each the moment a window ends. */
	bestRatio: number;
	requests: number;
	rateLimited: number;
	lost: number;
	duplicated: number;
	nodeMs: number;
	errorItems: number;
	/** Mean time between the first accepted requests of consecutive windows (0 with one window). */
	windowMs: number;
	/** Mean time from a window's first to its last accepted request. */
	burstMs: number;
}

export interface TokenResult {
	executions: number;
	succeeded: number;
	tokenRequests: number;
	byGrant: Record<string, number>;
}

export interface CompareResult {
	sizes: Sizes;
	n8nVersion: string;
	/** The Node version n8n ran on. */
	n8nNodeVersion: string;
	perItem: PerItemResult;
	throughput: ThroughputResult[];
	mms: MmsMemoryResult;
	mmsSmall?: MmsMemoryResult;
	tokens: TokenResult;
	/** Seconds each row took (n8n boot and setup under 'setup'). */
	durations: Record<string, number>;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

const sendRequests = (emulator: RingCentralEmulator) => emulator.requests({ method: 'POST', path: SMS_PATH });

const IDS = {
	perItemRcFirst: 'benchperitemrc01',
	perItemHttpFirst: 'benchperitemht01',
	tokens: 'benchtokens00001',
	throughput: { ringCentral: 'benchthrurc00001', httpRequest: 'benchthruhttp001', httpRetry: 'benchthruretry01', httpBatching: 'benchthrubatch01' } as Record<Variant, string>,
};
const THROUGHPUT_VARIANTS: Variant[] = ['ringCentral', 'httpRetry', 'httpBatching'];
const RC = 'RingCentral';
const HTTP = 'HTTP Request';
const WARM_UP = ' (warm-up)';

/**
 * a) measures engine time per item, not pacing: RingCentral's 40 SMS per window with the window
 * scaled down from 60 s to 1 ms, which requests answered one by one never fill (the emulator now
 * applies RingCentral's real limits by default). b) sets its own limit; d) needs no more.
 */
const PER_ITEM_LIMITS: EmulatorOptions = { rateLimits: { Medium: { limit: 40, windowSeconds: 0.001 } } };

/** Batching as a user would match it to the limit: one window's worth per window. */
const batchFor = (sizes: Sizes) => ({ batchSize: sizes.limit.limit, batchInterval: sizes.limit.windowSeconds * 1000 });

export function variantLabel(variant: Variant, sizes: Sizes): string {
	const batch = batchFor(sizes);
	return variant === 'httpBatching' ? `${VARIANT_LABELS[variant]} ${batch.batchSize} / ${batch.batchInterval} ms` : VARIANT_LABELS[variant];
}

function benchWorkflows(sizes: Sizes, url: string): object[] {
	const rc = { name: RC, variant: 'ringCentral' as const };
	const http = { name: HTTP, variant: 'httpRequest' as const };
	const warm = (t: typeof rc | typeof http) => ({ ...t, name: `${t.name}${WARM_UP}` });
	return [
		workflow(IDS.perItemRcFirst, sizes.perItemCount, 'per-item', [warm(rc), warm(http), rc, http], url),
		workflow(IDS.perItemHttpFirst, sizes.perItemCount, 'per-item', [warm(http), warm(rc), http, rc], url),
		...THROUGHPUT_VARIANTS.map((variant) =>
			workflow(IDS.throughput[variant], sizes.throughputCount, variant, [{ name: variantLabel(variant, sizes), variant }], url, {
				continueOnFail: true,
				batch: batchFor(sizes),
			}),
		),
		workflow(IDS.tokens, 1, 'token', [rc], url, { credentialId: 'jwtTokens' }),
	];
}

/**
 * a) Engine time per item (the node's executionTime ÷ items). Each execution is a fresh n8n
 * process, so each node first runs once as a warm-up branch (JIT, lazy requires, the JWT token)
 * and its second run is measured, as in a long-running n8n; the branch order alternates.
 */
async function perItemCost(n8n: BenchN8n, emulator: RingCentralEmulator, sizes: Sizes, log: (line: string) => void): Promise<PerItemResult> {
	const runs: PerItemRun[] = [];
	for (let i = 0; i < sizes.perItemRepetitions; i++) {
		const [id, order] = i % 2 === 0 ? [IDS.perItemRcFirst, 'RingCentral first'] : [IDS.perItemHttpFirst, 'HTTP Request first'];
		emulator.reset();
		const result = await n8n.execute(id);
		const ran = Object.entries(result.nodes)
			.sort(([, x], [, y]) => x.startTime - y.startTime)
			.map(([name]) => name);
		const rc = result.nodes[RC].executionTime / sizes.perItemCount;
		const http = result.nodes[HTTP].executionTime / sizes.perItemCount;
		const run = { order, ringCentralMsPerItem: round(rc, 2), httpMsPerItem: round(http, 2), ratio: round(rc / http, 2), accepted: emulator.messages.length };
		log(`  run ${i + 1} (${ran.slice(2).join(' → ')}): RingCentral ${run.ringCentralMsPerItem} ms/item, HTTP Request ${run.httpMsPerItem} ms/item, ratio ${run.ratio}, ${run.accepted}/${4 * sizes.perItemCount} accepted`);
		runs.push(run);
	}
	return {
		count: sizes.perItemCount,
		runs,
		ringCentralMsPerItem: round(median(runs.map((r) => r.ringCentralMsPerItem)), 2),
		httpMsPerItem: round(median(runs.map((r) => r.httpMsPerItem)), 2),
		ratio: round(median(runs.map((r) => r.ratio)), 2),
	};
}

/** b) One variant sending unique texts into the Medium limit; counted on the emulator's journal. */
async function throughput(n8n: BenchN8n, emulator: RingCentralEmulator, sizes: Sizes, variant: Variant): Promise<ThroughputResult> {
	emulator.reset();
	emulator.setRateLimit('Medium', sizes.limit);
	const result = await n8n.execute(IDS.throughput[variant]);
	const label = variantLabel(variant, sizes);
	const node = result.nodes[label];
	const sends = sendRequests(emulator);
	const texts = emulator.messages.map((m) => m.text);
	const unique = new Set(texts);
	const items = sizes.throughputCount;
	const lost = Array.from({ length: items }, (_, i) => `${variant} ${i}`).filter((text) => !unique.has(text)).length;
	const spanMs = sends.length > 1 ? sends[sends.length - 1].time - sends[0].time : 0;
	const achievedPerSecond = spanMs > 0 ? texts.length / (spanMs / 1000) : 0;
	const { limit, windowSeconds } = sizes.limit;
	const ceilingPerSecond = limit / windowSeconds;
	const bestSpanSeconds = (Math.ceil(items / limit) - 1) * windowSeconds;
	const { windowMs, burstMs } = windowTimes(sends.filter((s) => s.status === 200).map((s) => s.time), limit);
	return {
		variant,
		label,
		items,
		accepted: texts.length,
		spanMs,
		achievedPerSecond: round(achievedPerSecond, 1),
		ceilingPerSecond,
		ratio: round(achievedPerSecond / ceilingPerSecond, 2),
		bestRatio: bestSpanSeconds > 0 ? round(items / bestSpanSeconds / ceilingPerSecond, 2) : Infinity,
		requests: sends.length,
		rateLimited: sends.filter((s) => s.status === 429).length,
		lost,
		duplicated: texts.length - unique.size,
		nodeMs: node?.executionTime ?? NaN,
		errorItems: node?.items.filter((item) => item.json.error !== undefined).length ?? NaN,
		windowMs: round(windowMs, 0),
		burstMs: round(burstMs, 0),
	};
}

/** Splits accepted request times into windows of `limit` requests: how long a window really took. */
function windowTimes(times: number[], limit: number): { windowMs: number; burstMs: number } {
	const starts: number[] = [];
	const bursts: number[] = [];
	for (let k = 0; k * limit < times.length; k++) {
		const burst = times.slice(k * limit, (k + 1) * limit);
		starts.push(burst[0]);
		bursts.push(burst[burst.length - 1] - burst[0]);
	}
	const gaps = starts.slice(1).map((t, i) => t - starts[i]);
	const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0);
	return { windowMs: mean(gaps), burstMs: mean(bursts) };
}

/** c) bench/mmsMemory.ts in its own process, so nothing of this one counts in its RSS. */
async function mmsMemory(items: number, log: (line: string) => void): Promise<MmsMemoryResult> {
	const child = fork(path.join(__dirname, 'mmsMemory.ts'), ['--items', String(items)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
	let stdout = '';
	child.stdout!.on('data', (chunk) => (stdout += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
	for (const l of stdout.split('\n')) if (l && !l.startsWith(RESULT_PREFIX)) log(`  ${l}`);
	if (!line) throw new Error(`bench/mmsMemory.ts exited with ${code} and no result:\n${stdout}`);
	return JSON.parse(line.slice(RESULT_PREFIX.length)) as MmsMemoryResult;
}

/** d) Token requests over N `n8n execute` runs of one SMS workflow with a fresh JWT credential. */
async function tokenEconomy(n8n: BenchN8n, emulator: RingCentralEmulator, executions: number): Promise<TokenResult> {
	emulator.reset();
	let succeeded = 0;
	for (let i = 0; i < executions; i++) {
		const result = await n8n.execute(IDS.tokens);
		if (result.status === 'success' && result.nodes[RC]?.items[0]?.json.messageStatus === 'Queued') succeeded++;
	}
	const byGrant: Record<string, number> = {};
	for (const entry of emulator.tokenRequests()) {
		const grant = String((entry.body as Record<string, unknown> | undefined)?.grant_type ?? 'unknown').replace('urn:ietf:params:oauth:grant-type:', '');
		byGrant[grant] = (byGrant[grant] ?? 0) + 1;
	}
	return { executions, succeeded, tokenRequests: emulator.tokenRequests().length, byGrant };
}

export async function runCompare(sizes: Sizes, log: (line: string) => void = console.log): Promise<CompareResult> {
	const durations: Record<string, number> = {};
	const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		try {
			return await work();
		} finally {
			durations[name] = round((Date.now() - started) / 1000, 1);
		}
	};

	// Memory first, while nothing else runs on this 2-core machine.
	log(`c) MMS memory: ${sizes.mmsItems}${sizes.mmsSmallItems ? ` and ${sizes.mmsSmallItems}` : ''} items (child process)`);
	const mms = await timed('mms', () => mmsMemory(sizes.mmsItems, log));
	const small = sizes.mmsSmallItems;
	const mmsSmall = small ? await timed('mmsSmall', () => mmsMemory(small, log)) : undefined;

	const emulator = await startEmulator(PER_ITEM_LIMITS);
	let n8n: BenchN8n | undefined;
	try {
		log('Setting up n8n 2.41.1 (package installed as a community package)');
		n8n = await timed('setup', async () => {
			const instance = await BenchN8n.create(credentialsJson(emulator.url, emulator.issueAccessToken().access_token));
			await instance.importWorkflows(benchWorkflows(sizes, emulator.url));
			return instance;
		});
		const ready = n8n;
		log(`a) Per-item cost: ${sizes.perItemCount} SMS items, Medium limit 40 per 1 ms (out of reach)`);
		const perItem = await timed('perItem', () => perItemCost(ready, emulator, sizes, log));
		log(`b) Throughput: ${sizes.throughputCount} SMS items, Medium limit ${sizes.limit.limit} per ${sizes.limit.windowSeconds} s`);
		const results: ThroughputResult[] = [];
		await timed('throughput', async () => {
			for (const variant of THROUGHPUT_VARIANTS) {
				const r = await throughput(ready, emulator, sizes, variant);
				log(`  ${r.label}: ${r.accepted}/${r.items} accepted, ${r.achievedPerSecond}/s = ${r.ratio} × ceiling, ${r.rateLimited} × 429, ${r.lost} lost, ${r.duplicated} duplicated, node ${r.nodeMs} ms, window ${r.windowMs} ms (burst ${r.burstMs} ms)`);
				results.push(r);
			}
		});
		log(`d) Token economy: ${sizes.tokenExecutions} executions with credential "${CREDENTIALS.jwtTokens.name}"`);
		const tokens = await timed('tokens', () => tokenEconomy(ready, emulator, sizes.tokenExecutions));
		log(`  ${tokens.tokenRequests} token request(s) ${JSON.stringify(tokens.byGrant)}, ${tokens.succeeded}/${tokens.executions} executions sent their SMS`);
		return { sizes, n8nVersion: n8n.version, n8nNodeVersion: n8n.nodeVersion, perItem, throughput: results, mms, mmsSmall, tokens, durations };
	} finally {
		n8n?.dispose();
		await emulator.stop();
	}
}

if (require.main === module) {
	runCompare(process.argv.includes('--quick') ? QUICK : FULL)
		.then((result) => console.log(JSON.stringify(result, null, 2)))
		.catch((error: Error) => {
			console.error(`compare failed: ${error.message}`);
			process.exitCode = 1;
		});
}
