/** Turns compare.ts's figures into the printed table and bench/RESULTS.md. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

import type { CompareResult, ThroughputResult } from './compare';
import type { PacingResult } from './pacing';

export interface Row {
	row: string;
	thisNode: string;
	alternatives: string;
	target: string;
	met: string;
}

const yes = (ok: boolean, why = '') => (ok ? 'yes' : `**no**${why ? ` (${why})` : ''}`);

function throughputCell(t: ThroughputResult): string {
	return `${t.ratio} × ceiling (${t.achievedPerSecond}/s), ${t.rateLimited} × 429, ${t.lost} lost, ${t.duplicated} duplicated`;
}

/** Issue 6: at least 0.95 of the ceiling, with zero 429s, zero lost and zero duplicated. */
export const RATE_TARGET = 0.95;

export function rows(r: CompareResult): Row[] {
	const { perItem, mms, tokens, sizes } = r;
	const [rc, ...http] = r.throughput;
	const clean = rc.rateLimited === 0 && rc.lost === 0 && rc.duplicated === 0;
	const rateOk = rc.ratio >= RATE_TARGET;
	const mmsOk = mms.growthMb < 64 && mms.accepted === mms.items && mms.checksumsOk === mms.items;
	return [
		{
			row: `a. Per-item cost (${perItem.count} SMS, no limit; median of ${perItem.runs.length})`,
			thisNode: `${perItem.ringCentralMsPerItem} ms/item`,
			alternatives: `HTTP Request 4.5: ${perItem.httpMsPerItem} ms/item`,
			target: 'ratio ≤ 1.0',
			met: `${yes(perItem.ratio <= 1)}: ratio ${perItem.ratio}`,
		},
		{
			row: `b. Throughput (${rc.items} SMS, Medium ${sizes.limit.limit} per ${sizes.limit.windowSeconds} s)`,
			thisNode: throughputCell(rc),
			alternatives: http.map((t) => `${t.label}: ${throughputCell(t)}`).join('<br>'),
			target: `0 × 429, 0 lost, 0 duplicated; ≥ ${RATE_TARGET} × ceiling`,
			met: yes(clean && rateOk, [!clean && 'errors', !rateOk && `rate ${rc.ratio}`].filter(Boolean).join(', ')),
		},
		{
			row: `c. MMS memory (${mms.items} × ${(mms.fileBytes / 1e6).toFixed(1)} MB, one execution)`,
			thisNode: `+${mms.growthMb} MB peak RSS; ${mms.checksumsOk}/${mms.items} sha256 equal`,
			alternatives: '— (not compared)',
			target: '< 64 MB, all sent intact',
			met: yes(mmsOk),
		},
		{
			row: `d. Token economy (${tokens.executions} executions, JWT)`,
			thisNode: `${tokens.tokenRequests} token request(s), ${tokens.succeeded}/${tokens.executions} sent`,
			alternatives: '— (a bearer token pasted into Header Auth; it expires after 1 h)',
			target: '1',
			met: yes(tokens.tokenRequests === 1 && tokens.succeeded === tokens.executions),
		},
	];
}

/** Issue 10: ≥ 1.15 × limit/window under both window kinds with zero 429s; one token request per burst. */
export const PACING_TARGET = 1.15;

export function pacingRows(p: PacingResult): Row[] {
	const { sizes } = p;
	return [
		...p.windows.map((w) => ({
			row: `e. Pacing, ${w.kind} window (${sizes.items} SMS, Medium ${sizes.limit} per ${sizes.windowSeconds} s, engine)`,
			thisNode: `${w.ratio} × limit/window, ${w.rateLimited} × 429, ${w.accepted}/${sizes.items} accepted`,
			alternatives: `— (ideal: ${p.idealRatio})`,
			target: `≥ ${PACING_TARGET}, 0 × 429`,
			met: yes(w.ratio >= PACING_TARGET && w.rateLimited === 0 && w.accepted === sizes.items),
		})),
		{
			row: `f. Token burst (${sizes.burst} executions started together, engine)`,
			thisNode: `cold start: ${p.coldStartTokenRequests}; after expiry: ${p.expiryTokenRequests.total} (${p.expiryTokenRequests.refused} refused)`,
			alternatives: '—',
			target: '1 each',
			met: yes(p.coldStartTokenRequests === 1 && p.expiryTokenRequests.total === 1),
		},
	];
}

export function printTable(list: Row[]): string {
	const header: Row = { row: 'Row', thisNode: 'This node', alternatives: 'HTTP Request alternatives', target: 'Target', met: 'Met?' };
	const cells = [header, ...list].map((r) => [r.row, r.thisNode, r.alternatives.replace(/<br>/g, ' | '), r.target, r.met.replace(/\*/g, '')]);
	const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => c[i].length)));
	const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join('  ');
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function markdownTable(list: Row[]): string {
	const esc = (v: string) => v.replace(/\|/g, '\\|');
	return [
		'| Row | This node | HTTP Request alternatives | Target | Met? |',
		'|---|---|---|---|---|',
		...list.map((r) => `| ${[r.row, r.thisNode, r.alternatives, r.target, r.met].map(esc).join(' | ')} |`),
	].join('\n');
}

export function machine(r: CompareResult): string[] {
	const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
	const harnessCore = JSON.parse(readFileSync(require.resolve('n8n-core/package.json'), 'utf8')).version as string;
	return [
		`CPU: ${cpu}, ${os.cpus().length} cores; RAM ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB; ${os.type()} ${os.release()} (shared, noisy machine)`,
		`n8n ${r.n8nVersion} on Node ${r.n8nNodeVersion} (rows a, b, d; from scripts/ensure-n8n.sh)`,
		`Node ${process.version} with n8n-core ${harnessCore} (row c via the test harness; the emulator)`,
	];
}

/** One paragraph per row: where the node falls short of its target and why. */
function findings(r: CompareResult): string[] {
	const { perItem, mms, mmsSmall, tokens, sizes } = r;
	const [rc, retry, batching] = r.throughput;
	const w = sizes.limit.windowSeconds;
	const windows = Math.ceil(rc.items / sizes.limit.limit);
	const bestSpan = (windows - 1) * w;
	const a =
		perItem.ratio <= 1
			? `**a. Per-item cost: met** (ratio ${perItem.ratio}; runs: ${perItem.runs.map((x) => x.ratio).join(', ')}). `
			: `**a. Per-item cost: short** (ratio ${perItem.ratio}; runs: ${perItem.runs.map((x) => x.ratio).join(', ')}). `;
	const aWhy =
		'The node sends one item at a time (each request is awaited before the next item is read), while HTTP Request starts all requests before awaiting any; ' +
		'but the node reads its credential once per run and hands it to n8n with each request, which spares n8n a database read and decryption per item, and it sets the Authorization header in a function rather than an expression. ' +
		"The runs vary by ±25 % on this shared machine. In practice per-item cost matters little: RingCentral's Medium group allows 40 SMS requests a minute, so the rate limit bounds a real run.";
	const b =
		`**b. Throughput: ${rc.ratio >= RATE_TARGET && rc.rateLimited === 0 && rc.lost === 0 && rc.duplicated === 0 ? 'met' : 'short'}.** The RingCentral node sent ${rc.accepted}/${rc.items} with ${rc.rateLimited} × 429, ${rc.lost} lost and ${rc.duplicated} duplicated, at ${rc.ratio} × the ceiling ` +
		`(achieved = accepted ÷ time from the first to the last send request; with a fixed window the best possible is ${rc.bestRatio} ×, full bursts of ${sizes.limit.limit} each the moment a window ends, i.e. a span of ${bestSpan} s against the node's ${(rc.spanMs / 1000).toFixed(1)} s). ` +
		`From one window's first accepted request to the next took ${(rc.windowMs / 1000).toFixed(2)} s for a ${w} s window (the burst of ${sizes.limit.limit} requests took ${(rc.burstMs / 1000).toFixed(2)} s): ` +
		"the pacer sends request n + limit one window after the answer to request n, which is right whether RingCentral's window restarts or slides (rows e). " +
		(retry.requests > retry.items
			? `The HTTP Request alternatives: Retry On Fail re-ran the whole node (${retry.requests} send requests for ${retry.items} items): ${retry.duplicated} duplicated, ${retry.lost} lost, ${retry.rateLimited} × 429. `
			: `The HTTP Request alternatives: Retry On Fail never retried: with continue-on-fail n8n re-runs a node only when its first output item is an error, and the first items got through, so the ${retry.rateLimited} requests refused with 429 became ${retry.lost} lost items. `) +
		`Batching ${batching.label.replace(/.*Batching /, '')} (one window per batch) lost ${batching.lost}, had ${batching.rateLimited} × 429 and reached ${batching.ratio} ×; its 429 count depends on timing, since a batch that reaches RingCentral before the previous window has ended is refused and restarts the penalty.`;
	const c =
		`**c. MMS memory: ${mms.growthMb < 64 ? 'met' : 'short'}.** Peak RSS grew ${mms.growthMb} MB over a post-GC baseline of ${mms.baselineRssMb} MB while ${mms.items} files of ${(mms.fileBytes / 1e6).toFixed(1)} MB (${((mms.items * mms.fileBytes) / 1e6).toFixed(0)} MB in total) went out; heap used peaked at ${mms.peakHeapUsedMb} MB (baseline ${mms.baselineHeapUsedMb}), array buffers at ${mms.peakArrayBuffersMb} MB. ` +
		(mmsSmall ? `With ${mmsSmall.items} items the growth was ${mmsSmall.growthMb} MB: it does not scale with the item count. ` : '') +
		'The node reads one item\'s files at a time (`getBinaryDataBuffer`, then a Blob copy for the multipart body), so memory is bounded by a few files plus garbage not yet collected. ' +
		'The emulator runs in a child process so that its buffering of uploads does not count.';
	const d =
		`**d. Token economy: ${tokens.tokenRequests === 1 ? 'met' : 'short'}.** ${tokens.executions} \`n8n execute\` processes made ${tokens.tokenRequests} token request(s) (${Object.entries(tokens.byGrant).map(([g, n]) => `${n} × ${g}`).join(', ')}): ` +
		'the first execution gets a token through the credential\'s preAuthentication, n8n stores it in the credential, and later executions reuse it until RingCentral answers 401.';
	return [a + aWhy, b, c, d];
}

export function resultsMarkdown(r: CompareResult, list: Row[], totalSeconds: number, started: Date, pacing?: PacingResult): string {
	const { perItem } = r;
	return [
		'# Benchmarks',
		'',
		`Run: ${started.toISOString()} (full mode, ${totalSeconds.toFixed(0)} s in total). Generated by \`bench/run.ts\`; figures from one run on a shared machine, so expect noise of ±20 % on the timing rows.`,
		'',
		markdownTable(list),
		'',
		'## Machine',
		'',
		...machine(r).map((l) => `- ${l}`),
		'',
		'## Commands',
		'',
		'```sh',
		'npm run bench                      # = npm run build && tsx bench/run.ts: all rows, writes this file',
		'npx tsx bench/run.ts --quick       # small sizes, writes nothing',
		'npx tsx bench/mmsMemory.ts [--quick | --items N]   # row c alone',
		'npx tsx bench/compare.ts [--quick]                 # rows a-d, JSON on stdout',
		'npx tsx bench/pacing.ts [--quick]                  # rows e-f, JSON on stdout',
		'```',
		'',
		'Rows a, b and d run in a full n8n 2.41.1 (`n8n execute --id`, a fresh user folder, this package installed as a community package the way n8n installs one) against one RingCentral emulator in the bench process. ' +
			'Row a: Manual Trigger → Code (items) → the RingCentral node and HTTP Request (Generic Header Auth with a bearer token from the emulator, JSON body with expressions) in parallel branches; each node runs twice per execution (a warm-up branch, then the measured one, as in a long-running n8n; the first warm-up also fetches the JWT token) and the figure is the measured node\'s `executionTime` from `--rawOutput` ÷ items; the branch order alternates between runs. ' +
			'Row b: one workflow per variant, unique texts, `onError: continueRegularOutput` on all, counted on the emulator\'s journal. Row c: the test harness (n8n-core\'s WorkflowExecute, filesystem binary data) in a child process. Row d: a credential not used before, one SMS per execution.',
		'',
		'## Details',
		'',
		`Row a runs (ms per item): ${perItem.runs.map((x) => `${x.order}: ${x.ringCentralMsPerItem} vs ${x.httpMsPerItem} (ratio ${x.ratio}, ${x.accepted} accepted)`).join('; ')}.`,
		'',
		'| Row b variant | Accepted | Send requests | 429s | Lost | Duplicated | First→last request | Achieved | ÷ ceiling (best possible) | Node time |',
		'|---|---|---|---|---|---|---|---|---|---|',
		...r.throughput.map(
			(t) => `| ${t.label} | ${t.accepted}/${t.items} | ${t.requests} | ${t.rateLimited} | ${t.lost} | ${t.duplicated} | ${(t.spanMs / 1000).toFixed(2)} s | ${t.achievedPerSecond}/s | ${t.ratio} (${t.bestRatio}) | ${(t.nodeMs / 1000).toFixed(2)} s |`,
		),
		'',
		`Row b: a window (first accepted request to the next window's first) took: ${r.throughput.map((t) => `${t.label}: ${t.windowMs ? `${t.windowMs} ms (burst ${t.burstMs} ms)` : 'only one window accepted'}`).join('; ')}; the window is ${r.sizes.limit.windowSeconds * 1000} ms.`,
		'',
		`Row c: RSS baseline ${r.mms.baselineRssMb} MB, peak ${r.mms.peakRssMb} MB, after the run and a GC ${r.mms.afterRunRssMb} MB; heap used ${r.mms.baselineHeapUsedMb} → ${r.mms.peakHeapUsedMb} MB; external ${r.mms.baselineExternalMb} → ${r.mms.peakExternalMb} MB; ${r.mms.samples} samples at 20 ms over ${(r.mms.durationMs / 1000).toFixed(1)} s; ${r.mms.accepted}/${r.mms.items} accepted, ${r.mms.checksumsOk}/${r.mms.items} sha256 equal to the input.`,
		'',
		`Durations (s): ${Object.entries(r.durations).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
		'',
		...(pacing
			? [
					`Rows e and f run in n8n-core's engine (the test harness) against the emulator. Row e: achieved = accepted ÷ time from the first to the last send request, divided by limit ÷ window; the pacer sends request n + ${pacing.sizes.limit} one window after the answer to request n, which is right whether RingCentral's window restarts or slides; spans: ${pacing.windows.map((w) => `${w.kind} ${(w.spanMs / 1000).toFixed(2)} s`).join(', ')}. Row f: ${pacing.sizes.burst} executions of one SMS each, started together with no stored token, then again after the emulator expired the token.`,
				]
			: []),
		'',
		'## Findings',
		'',
		...findings(r).flatMap((p) => [p, '']),
	].join('\n');
}
