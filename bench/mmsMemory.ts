/**
 * MMS memory: N items, each with ~1.4 MB of distinct binary data in n8n's filesystem store (as real
 * n8n 2.x keeps it), sent by ONE execution of the RingCentral node in n8n-core's engine. RSS is
 * sampled every 20 ms; the growth over a post-GC baseline shows whether the node holds files
 * beyond the item it is sending. Run alone: npx tsx bench/mmsMemory.ts [--quick | --items N]
 */
import '../dev/harness/environment';

import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';

import type { INodeExecutionData } from 'n8n-workflow';

import { sha256, storedBinary } from '../dev/harness/binary';
import { TestCredentialsHelper } from '../dev/harness/credentials';
import { runRingCentral, useStoredBinaryData } from '../dev/harness/engine';
import { jwtCredential, mmsParameters } from '../dev/harness/setup';
import { startRemoteEmulator } from './emulatorHost';

export const FILE_BYTES = 1_400_000;
const SAMPLE_MS = 20;
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

export interface MmsMemoryResult {
	items: number;
	fileBytes: number;
	accepted: number;
	checksumsOk: number;
	failedItems: number;
	durationMs: number;
	samples: number;
	baselineRssMb: number;
	peakRssMb: number;
	growthMb: number;
	afterRunRssMb: number;
	baselineHeapUsedMb: number;
	peakHeapUsedMb: number;
	baselineExternalMb: number;
	peakExternalMb: number;
	peakArrayBuffersMb: number;
}

/** --expose-gc without a flag on the command line: tsx scripts are usually started bare. */
export function exposeGc(): () => void {
	const existing = (globalThis as { gc?: () => void }).gc;
	if (existing) return existing;
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc') as () => void;
}

export async function measureMmsMemory(count: number): Promise<MmsMemoryResult> {
	const gc = exposeGc();
	// More MMS than RingCentral's 40 a minute: the Medium window is scaled down to 50 ms, same limit.
	const emulator = await startRemoteEmulator({ rateLimits: { Medium: { limit: 40, windowSeconds: 0.05 } } });
	try {
		const credentials = new TestCredentialsHelper({ ringCentralJwtApi: jwtCredential(emulator) });
		// Store every file first, keeping only its checksum: the bytes must not count in the baseline.
		const store = await useStoredBinaryData();
		const expected = new Map<string, string>();
		const items: INodeExecutionData[] = [];
		for (let i = 0; i < count; i++) {
			const bytes = randomBytes(FILE_BYTES);
			const text = `mms ${i}`;
			expected.set(text, sha256(bytes));
			items.push({ json: { text }, binary: { data: await storedBinary(store, bytes, 'image/jpeg', `photo-${i}.jpg`) } });
		}

		gc();
		gc();
		const baseline = process.memoryUsage();
		const peak = { ...baseline };
		let samples = 0;
		const sample = () => {
			const now = process.memoryUsage();
			samples++;
			peak.rss = Math.max(peak.rss, now.rss);
			peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
			peak.external = Math.max(peak.external, now.external);
			peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
		};
		const timer = setInterval(sample, SAMPLE_MS);
		const started = Date.now();
		const { output, error } = await runRingCentral({
			parameters: mmsParameters({ text: '={{ $json.text }}' }),
			credentials,
			items,
			continueOnFail: true,
		});
		const durationMs = Date.now() - started;
		clearInterval(timer);
		sample();
		if (error) throw error;
		gc();
		const afterRun = process.memoryUsage();

		const summary = await emulator.summary();
		const checksumsOk = summary.messages.filter(
			(m) => m.text !== undefined && m.attachments.length === 1 && m.attachments[0].sha256 === expected.get(m.text),
		).length;
		return {
			items: count,
			fileBytes: FILE_BYTES,
			accepted: summary.messages.length,
			checksumsOk,
			failedItems: output.filter((item) => item.error !== undefined).length + (count - output.length),
			durationMs,
			samples,
			baselineRssMb: mb(baseline.rss),
			peakRssMb: mb(peak.rss),
			growthMb: mb(peak.rss - baseline.rss),
			afterRunRssMb: mb(afterRun.rss),
			baselineHeapUsedMb: mb(baseline.heapUsed),
			peakHeapUsedMb: mb(peak.heapUsed),
			baselineExternalMb: mb(baseline.external),
			peakExternalMb: mb(peak.external),
			peakArrayBuffersMb: mb(peak.arrayBuffers),
		};
	} finally {
		await emulator.stop();
	}
}

/** The line compare.ts reads from this script's output when it runs it as a child process. */
export const RESULT_PREFIX = 'MMS_MEMORY_RESULT ';

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const itemsFlag = argv.indexOf('--items');
	const count = itemsFlag >= 0 ? Number(argv[itemsFlag + 1]) : argv.includes('--quick') ? 20 : 200;
	const r = await measureMmsMemory(count);
	console.log(`MMS memory: ${r.items} items × ${(r.fileBytes / 1e6).toFixed(1)} MB stored binary, one execution, ${(r.durationMs / 1000).toFixed(1)} s, ${r.samples} RSS samples`);
	console.log(`  RSS        baseline ${r.baselineRssMb} MB, peak ${r.peakRssMb} MB, peak growth ${r.growthMb} MB (target < 64 MB), after run + GC ${r.afterRunRssMb} MB`);
	console.log(`  heap used  baseline ${r.baselineHeapUsedMb} MB, peak ${r.peakHeapUsedMb} MB`);
	console.log(`  external   baseline ${r.baselineExternalMb} MB, peak ${r.peakExternalMb} MB (array buffers peak ${r.peakArrayBuffersMb} MB)`);
	console.log(`  correctness: ${r.accepted}/${r.items} accepted, ${r.checksumsOk}/${r.items} sha256 equal to the input, ${r.failedItems} failed items`);
	console.log(`${RESULT_PREFIX}${JSON.stringify(r)}`);
	if (r.accepted !== r.items || r.checksumsOk !== r.items) process.exitCode = 1;
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`mmsMemory failed: ${error.message}`);
		process.exitCode = 1;
	});
}
