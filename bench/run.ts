/**
 * All benchmark rows, side by side with n8n's HTTP Request node; prints a table and, in full mode,
 * writes bench/RESULTS.md. `npm run bench` builds first; `npx tsx bench/run.ts --quick` runs small
 * sizes against the dist/ already built and writes nothing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { FULL, QUICK, runCompare } from './compare';
import { PACING_FULL, PACING_QUICK, runPacing } from './pacing';
import { machine, pacingRows, printTable, resultsMarkdown, rows } from './report';

async function main(): Promise<void> {
	const quick = process.argv.includes('--quick');
	const started = new Date();
	console.log(`RingCentral node benchmarks (${quick ? 'quick' : 'full'} mode)\n`);
	const result = await runCompare(quick ? QUICK : FULL);
	const pacing = await runPacing(quick ? PACING_QUICK : PACING_FULL);
	const seconds = (Date.now() - started.getTime()) / 1000;
	const table = [...rows(result), ...pacingRows(pacing)];
	console.log(`\n${printTable(table)}\n`);
	for (const line of machine(result)) console.log(line);
	console.log(`Total ${seconds.toFixed(0)} s`);
	if (quick) return;
	const file = path.join(__dirname, 'RESULTS.md');
	writeFileSync(file, resultsMarkdown(result, table, seconds, started, pacing));
	console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: Error) => {
	console.error(`bench failed: ${error.stack ?? error.message}`);
	process.exitCode = 1;
});
