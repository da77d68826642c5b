/**
 * High Volume SMS: (a) 10,000 items sent by ONE execution of High Volume SMS > Send in n8n-core's
 * engine (the emulator in a child process, so RSS is the node's): batch requests used, engine
 * time, peak RSS; beside it the same 10,000 through Send SMS under RingCentral's Medium limit of
 * 40 requests a minute, whose time is computed, not run. (b) 1,000 items of which RingCentral
 * rejects 3 (opted out): which items carry errors. Prints figures; asserts nothing about timings.
 * Needs `npm run build` (the harness runs dist/ outside jest). Run: npx tsx bench/highVolume.ts [--items N]
 */
import '../dev/harness/environment';

import type { INodeExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from '../dev/harness/credentials';
import { runRingCentral } from '../dev/harness/engine';
import { A2P_SENDER, batchRequests, credentialStore, highVolumeParameters, jwtCredential, startEmulator } from '../dev/harness/setup';
import { startRemoteEmulator } from './emulatorHost';
import { exposeGc } from './mmsMemory';

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);
/** RingCentral's Medium group (POST .../sms): 40 requests per 60 s window. */
const MEDIUM = { limit: 40, windowSeconds: 60 };

const campaign = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { phone: `+1415${String(5_000_000 + i)}`, name: `Customer ${i}` } }));

async function tenThousand(count: number): Promise<void> {
	const gc = exposeGc();
	const emulator = await startRemoteEmulator();
	try {
		const credentials = new TestCredentialsHelper({ ringCentralJwtApi: jwtCredential(emulator) });
		const items = campaign(count);
		// Warm the engine and fetch the token outside the measurement.
		await runRingCentral({ parameters: highVolumeParameters({ to: '={{ $json.phone }}', text: 'warm-up' }), credentials, items: items.slice(0, 1) });
		gc();
		gc();
		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
		const started = process.hrtime.bigint();
		const { output, error } = await runRingCentral({
			parameters: highVolumeParameters({ to: '={{ $json.phone }}', text: '=Hi {{ $json.name }}, our spring sale starts Monday. Reply STOP to opt out.' }),
			credentials,
			items,
			continueOnFail: true,
		});
		const engineMs = Number(process.hrtime.bigint() - started) / 1e6;
		clearInterval(timer);
		peak = Math.max(peak, process.memoryUsage().rss);
		if (error) throw error;
		const summary = await emulator.summary();
		const measured = { statuses: summary.batchStatuses.slice(1), bytes: summary.batchBodyBytes.slice(1) };
		const failed = output.filter((item) => item.error !== undefined).length;

		const windows = Math.ceil(count / MEDIUM.limit);
		const smsSeconds = (windows - 1) * MEDIUM.windowSeconds;
		console.log(`(a) ${count.toLocaleString('en-US')} items, one execution, default Batch Size (10,000)`);
		console.log(`  High Volume SMS > Send: ${measured.statuses.length} batch request(s) (statuses ${[...new Set(measured.statuses)].join(', ')}), body ${measured.bytes.map((b) => `${(b / 1e6).toFixed(2)} MB`).join(' + ')}`);
		console.log(`    engine time ${(engineMs / 1000).toFixed(2)} s (${(engineMs / count).toFixed(3)} ms/item), RSS baseline ${mb(baseline)} MB, peak ${mb(peak)} MB (+${mb(peak - baseline)} MB)`);
		console.log(`    ${summary.a2pMessages - 1} messages accepted (warm-up excluded), ${output.length - failed}/${count} items with a batch id, ${failed} failed`);
		console.log(`  SMS > Send SMS (computed): ${count.toLocaleString('en-US')} requests at ${MEDIUM.limit}/min (Medium) = ${windows} windows ≈ ${(smsSeconds / 3600).toFixed(2)} h (${Math.round(smsSeconds / 60)} min) of waiting for the rate limit`);
	} finally {
		await emulator.stop();
	}
}

async function threeRejected(): Promise<void> {
	const emulator = await startEmulator();
	try {
		const items = campaign(1000);
		const optedOut = [17, 500, 998];
		for (const i of optedOut) emulator.a2p.optOut(A2P_SENDER, String(items[i].json.phone));
		const started = Date.now();
		const { output, error } = await runRingCentral({
			parameters: highVolumeParameters({ to: '={{ $json.phone }}', text: 'Spring sale starts Monday' }),
			credentials: credentialStore(emulator),
			items,
			continueOnFail: true,
		});
		if (error) throw error;
		const withErrors = output.flatMap((item, i) => (item.error ? [i] : []));
		const succeeded = output.filter((item) => !item.error && typeof item.json.batchId === 'string').length;
		const paired = output.every((item, i) => (item.pairedItem as { item: number }).item === i);
		const codes = [...new Set(output.filter((item) => item.error).map((item) => String(item.json.error).split(':')[0]))];
		console.log('(b) 1,000 items, 3 recipients opted out (items 17, 500, 998)');
		console.log(`  ${batchRequests(emulator).length} batch request(s), ${Date.now() - started} ms; items with errors: [${withErrors.join(', ')}] (${codes.join(', ')}); ${succeeded} succeeded; every output paired with its input: ${paired}`);
		console.log(`  exactly the 3 rejected items carry errors: ${JSON.stringify(withErrors) === JSON.stringify(optedOut) && succeeded === 997}`);
	} finally {
		await emulator.stop();
	}
}

async function main(): Promise<void> {
	const flag = process.argv.indexOf('--items');
	const count = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
	console.log(`High Volume SMS benchmark (Node ${process.version}, n8n-core engine, dist/ build)\n`);
	await tenThousand(count);
	console.log('');
	await threeRejected();
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`highVolume bench failed: ${error.stack ?? error.message}`);
		process.exitCode = 1;
	});
}
