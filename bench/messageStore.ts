/**
 * Message store benchmarks (printed figures, nothing asserted):
 *  A. Wait for Delivery of 100 messages in ONE execution under RingCentral's default Light limit
 *     (50 per 60 s, real time: the node's poll intervals are real seconds, so scaling only the
 *     window would flatter it): requests, 429s, outcomes; against one request per message, computed
 *     for the node's own schedule and run as a hand-written poller (every 2 s, as RingCentral's quick start).
 *  B. Download Attachment of 50 × 1.4 MB files into n8n's filesystem binary store: peak RSS growth
 *     over a post-GC baseline (the emulator runs in a child process, as in mmsMemory.ts).
 * Run: npm run build && npx tsx bench/messageStore.ts [--quick] [--only wait|download] [--files N]
 */
import '../dev/harness/environment';

import v8 from 'node:v8';
import vm from 'node:vm';

import { RingCentralEmulator, type EmulatorOptions } from '../dev/emulator';
import { call, login, sendJson, smsRequest } from '../dev/emulator/client';
import { sha256 } from '../dev/harness/binary';
import { TestCredentialsHelper } from '../dev/harness/credentials';
import { runRingCentral, useStoredBinaryData } from '../dev/harness/engine';
import { jwtCredential, messageParameters, smsParameters } from '../dev/harness/setup';
import { startRemoteEmulator } from './emulatorHost';

const STORE = '/restapi/v1.0/account/~/extension/~/message-store';
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const FINAL = new Set(['Delivered', 'DeliveryFailed', 'SendingFailed']);

/** 100 recipients: 90 delivered 5–45 s after sending, 3 DeliveryFailed, 2 SendingFailed, 5 whose carrier never reports (stay Sent). */
function recipients(count: number): string[] {
	const special = ['+14155550190', '+14155550193', '+14155550190', '+14155550191', '+14155550191', ...Array(5).fill('+14155550192')];
	return Array.from({ length: count }, (_, i) => special[i] ?? `+1415556${String(1000 + i)}`);
}

function waitEmulatorOptions(): EmulatorOptions {
	return { rateLimits: { Light: { limit: 50, windowSeconds: 60 } }, messageStore: { queuedSeconds: 1, deliveredSeconds: 5, deliveryJitterSeconds: 40 } };
}

export interface WaitResult {
	messages: number;
	waitSeconds: number;
	durationS: number;
	requests: number;
	tooMany: number;
	delivered: number;
	failed: number;
	timedOut: number;
	idsRead: number;
	naive: { requests: number; tooMany: number; settled: number; durationS: number };
}

/** The hand-written alternative: every 2 s, one GET per message not yet final, no rate-limit handling. */
async function naivePolling(count: number, waitSeconds: number): Promise<WaitResult['naive']> {
	const emulator = await RingCentralEmulator.start(waitEmulatorOptions());
	try {
		const token = await login(emulator);
		const pending = new Set<string>();
		for (const to of recipients(count)) pending.add(String((await sendJson(emulator, token, { ...smsRequest(), to: [{ phoneNumber: to }] })).json.id));
		const started = Date.now();
		let settled = 0;
		while (pending.size > 0 && Date.now() - started < waitSeconds * 1000) {
			for (const id of [...pending]) {
				const reply = await call(emulator, `${STORE}/${id}`, { headers: { Authorization: `Bearer ${token}` } });
				if (reply.status === 200 && FINAL.has(reply.json.messageStatus)) {
					pending.delete(id);
					settled++;
				}
			}
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
		const reads = emulator.requests({ method: 'GET', path: /\/message-store\// });
		return { requests: reads.length, tooMany: reads.filter((r) => r.status === 429).length, settled, durationS: (Date.now() - started) / 1000 };
	} finally {
		await emulator.stop();
	}
}

export async function measureWaitForDelivery(count: number, waitSeconds: number): Promise<WaitResult> {
	const naive = naivePolling(count, waitSeconds);
	const emulator = await RingCentralEmulator.start(waitEmulatorOptions());
	try {
		const credentials = new TestCredentialsHelper({ ringCentralJwtApi: jwtCredential(emulator) });
		const sent = await runRingCentral({ parameters: smsParameters({ to: '={{ $json.to }}' }), credentials, items: recipients(count).map((to) => ({ json: { to } })) });
		if (sent.error) throw sent.error;
		const started = Date.now();
		const { output } = await runRingCentral({ parameters: messageParameters('waitForDelivery', { waitTimeout: waitSeconds }), credentials, items: sent.output.map((item) => ({ json: item.json })), continueOnFail: true });
		const durationS = (Date.now() - started) / 1000;
		const reads = emulator.requests({ method: 'GET', path: /\/message-store\// });
		const errors = output.map((item) => String(item.json.error ?? ''));
		return {
			messages: count,
			waitSeconds,
			durationS,
			requests: reads.length,
			tooMany: reads.filter((r) => r.status === 429).length,
			delivered: output.filter((item) => item.json.messageStatus === 'Delivered').length,
			failed: errors.filter((e) => / was not delivered/.test(e)).length,
			timedOut: errors.filter((e) => / was still /.test(e)).length,
			idsRead: reads.reduce((sum, r) => sum + r.path.split('/').pop()!.split(',').length, 0),
			naive: await naive,
		};
	} finally {
		await emulator.stop();
	}
}

export interface DownloadResult {
	files: number;
	fileBytes: number;
	durationS: number;
	baselineRssMb: number;
	peakRssMb: number;
	growthMb: number;
	peakHeapUsedMb: number;
	peakArrayBuffersMb: number;
	checksumsOk: number;
	stored: number;
}

function exposeGc(): () => void {
	const existing = (globalThis as { gc?: () => void }).gc;
	if (existing) return existing;
	v8.setFlagsFromString('--expose-gc');
	return vm.runInNewContext('gc') as () => void;
}

export async function measureDownloadMemory(count: number, fileBytes = 1_400_000): Promise<DownloadResult> {
	const gc = exposeGc();
	const emulator = await startRemoteEmulator();
	try {
		const credentials = new TestCredentialsHelper({ ringCentralJwtApi: jwtCredential(emulator) });
		const store = await useStoredBinaryData();
		const files = await emulator.receive(count, fileBytes, 'image/jpeg');
		gc();
		gc();
		const baseline = process.memoryUsage();
		const peak = { ...baseline };
		const sample = () => {
			const now = process.memoryUsage();
			peak.rss = Math.max(peak.rss, now.rss);
			peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
			peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
		};
		const timer = setInterval(sample, 20);
		const started = Date.now();
		const { output, error } = await runRingCentral({
			parameters: messageParameters('downloadAttachment', { messageId: '={{ $json.id }}' }),
			credentials,
			items: files.map((file) => ({ json: { id: file.messageId } })),
		});
		const durationS = (Date.now() - started) / 1000;
		clearInterval(timer);
		sample();
		if (error) throw error;
		// Checked after the measurement: reading the files back costs memory of its own.
		let checksumsOk = 0;
		let stored = 0;
		for (const [i, item] of output.entries()) {
			const binary = item.binary?.attachment_0;
			if (binary?.id?.startsWith('filesystem')) stored++;
			if (binary && sha256(await store.getAsBuffer(binary)) === files[i].sha256 && binary.fileName === files[i].fileName) checksumsOk++;
		}
		return {
			files: count,
			fileBytes,
			durationS,
			baselineRssMb: mb(baseline.rss),
			peakRssMb: mb(peak.rss),
			growthMb: mb(peak.rss - baseline.rss),
			peakHeapUsedMb: mb(peak.heapUsed),
			peakArrayBuffersMb: mb(peak.arrayBuffers),
			checksumsOk,
			stored,
		};
	} finally {
		await emulator.stop();
	}
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const quick = argv.includes('--quick');
	const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
	if (only !== 'download') {
		const w = await measureWaitForDelivery(quick ? 30 : 100, quick ? 50 : 60);
		const computed = w.idsRead;
		console.log(`Wait for Delivery: ${w.messages} messages, one execution, Light 50 per 60 s (real time), Wait Timeout ${w.waitSeconds} s, ${w.durationS.toFixed(1)} s`);
		console.log(`  node:       ${w.requests} requests (${w.idsRead} message reads in them), ${w.tooMany} × 429; ${w.delivered} delivered, ${w.failed} failed, ${w.timedOut} timed out (Sent, carrier never reports)`);
		console.log(`  one request per message on the node's schedule: ${computed} requests (${(computed / Math.max(1, w.requests)).toFixed(1)} × more), ${Math.ceil(computed / 50)} Light windows of 60 s`);
		console.log(`  hand-written poller (GET per message every 2 s, no pacing): ${w.naive.requests} requests, ${w.naive.tooMany} × 429, ${w.naive.settled}/${w.messages} settled in ${w.naive.durationS.toFixed(1)} s`);
	}
	if (only !== 'wait') {
		const filesFlag = argv.indexOf('--files');
		const d = await measureDownloadMemory(filesFlag >= 0 ? Number(argv[filesFlag + 1]) : quick ? 10 : 50);
		console.log(`Download Attachment: ${d.files} × ${(d.fileBytes / 1e6).toFixed(1)} MB into the filesystem binary store, one execution, ${d.durationS.toFixed(1)} s`);
		console.log(`  RSS baseline ${d.baselineRssMb} MB, peak ${d.peakRssMb} MB, peak growth ${d.growthMb} MB (goal < 64 MB); heap used peak ${d.peakHeapUsedMb} MB, array buffers peak ${d.peakArrayBuffersMb} MB`);
		console.log(`  correctness: ${d.stored}/${d.files} stored on disk, ${d.checksumsOk}/${d.files} sha256 and file name equal to the emulator's`);
	}
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`messageStore bench failed: ${error.message}`);
		process.exitCode = 1;
	});
}
