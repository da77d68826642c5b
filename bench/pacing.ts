/**
 * Pacing and token bursts in n8n-core's engine against the emulator:
 * e) the achieved SMS rate against `limit / window` under a fixed and a sliding window (goal ≥ 1.15
 *    for both, zero 429s; the ideal, a full first burst and then one window per batch, is 1.25 for 200 SMS);
 * f) token requests of 8 executions started together at a cold start and after the token expired (goal 1 each).
 * Run alone: npx tsx bench/pacing.ts [--quick]
 */
import '../dev/harness/environment';

import type { INodeExecutionData } from 'n8n-workflow';

import { runRingCentral } from '../dev/harness/engine';
import { credentialStore, sendRequests, smsParameters, startEmulator } from '../dev/harness/setup';

export interface PacingSizes {
	items: number;
	limit: number;
	windowSeconds: number;
	burst: number;
}

export const PACING_FULL: PacingSizes = { items: 200, limit: 40, windowSeconds: 3, burst: 8 };
export const PACING_QUICK: PacingSizes = { items: 120, limit: 40, windowSeconds: 1, burst: 8 };

export interface WindowRun {
	kind: 'fixed' | 'sliding';
	accepted: number;
	rateLimited: number;
	spanMs: number;
	/** Accepted per second over the span from the first to the last send request, ÷ limit/window. */
	ratio: number;
}

export interface PacingResult {
	sizes: PacingSizes;
	windows: WindowRun[];
	/** The best a fixed window allows: a first burst, then one window per further batch. */
	idealRatio: number;
	coldStartTokenRequests: number;
	expiryTokenRequests: { total: number; refused: number };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const items = (count: number, prefix: string): INodeExecutionData[] => Array.from({ length: count }, (_, i) => ({ json: { text: `${prefix} ${i}` } }));
const parameters = smsParameters({ text: '={{ $json.text }}' });

async function windowRun(sizes: PacingSizes, kind: WindowRun['kind']): Promise<WindowRun> {
	const emulator = await startEmulator({ rateLimits: { Medium: { limit: sizes.limit, windowSeconds: sizes.windowSeconds, sliding: kind === 'sliding' } } });
	try {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters, credentials, items: items(1, 'warm-up') });
		// The warm-up's request must leave the window before the measured run starts.
		await new Promise((resolve) => setTimeout(resolve, sizes.windowSeconds * 1000 + 50));
		emulator.reset();
		await runRingCentral({ parameters, credentials, items: items(sizes.items, kind), continueOnFail: true });
		const sends = sendRequests(emulator);
		const accepted = sends.filter((entry) => entry.status === 200).length;
		const spanMs = sends[sends.length - 1].time - sends[0].time;
		const ceiling = sizes.limit / sizes.windowSeconds;
		return { kind, accepted, rateLimited: sends.filter((entry) => entry.status === 429).length, spanMs, ratio: round(accepted / (spanMs / 1000) / ceiling) };
	} finally {
		await emulator.stop();
	}
}

async function tokenBursts(burst: number): Promise<Pick<PacingResult, 'coldStartTokenRequests' | 'expiryTokenRequests'>> {
	const emulator = await startEmulator();
	try {
		const credentials = credentialStore(emulator);
		const together = async (prefix: string) =>
			await Promise.all(Array.from({ length: burst }, async (_, i) => await runRingCentral({ parameters, credentials, items: items(1, `${prefix} ${i}`) })));
		await together('cold');
		const coldStartTokenRequests = emulator.tokenRequests().length;
		emulator.reset();
		emulator.expireAccessTokens();
		await together('expired');
		const expiry = emulator.tokenRequests();
		return { coldStartTokenRequests, expiryTokenRequests: { total: expiry.length, refused: expiry.filter((entry) => entry.status !== 200).length } };
	} finally {
		await emulator.stop();
	}
}

export async function runPacing(sizes: PacingSizes, log: (line: string) => void = console.log): Promise<PacingResult> {
	const windows: WindowRun[] = [];
	for (const kind of ['fixed', 'sliding'] as const) {
		log(`e) Pacing: ${sizes.items} SMS, Medium ${sizes.limit} per ${sizes.windowSeconds} s, ${kind} window`);
		const run = await windowRun(sizes, kind);
		log(`  ${run.accepted}/${sizes.items} accepted, ${run.rateLimited} × 429, ${(run.spanMs / 1000).toFixed(2)} s first→last request, ${run.ratio} × limit/window`);
		windows.push(run);
	}
	const batches = Math.ceil(sizes.items / sizes.limit);
	const idealRatio = round(sizes.items / ((batches - 1) * sizes.windowSeconds) / (sizes.limit / sizes.windowSeconds));
	log(`f) Token bursts: ${sizes.burst} executions started together`);
	const tokens = await tokenBursts(sizes.burst);
	log(`  cold start: ${tokens.coldStartTokenRequests} token request(s); after expiry: ${tokens.expiryTokenRequests.total} (${tokens.expiryTokenRequests.refused} refused)`);
	return { sizes, windows, idealRatio, ...tokens };
}

if (require.main === module) {
	runPacing(process.argv.includes('--quick') ? PACING_QUICK : PACING_FULL)
		.then((result) => console.log(JSON.stringify(result, null, 2)))
		.catch((error: Error) => {
			console.error(`pacing failed: ${error.stack ?? error.message}`);
			process.exitCode = 1;
		});
}
