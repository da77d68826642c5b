// n8n's CLI in a user folder: import credentials and workflows, execute a workflow, one command at a time.
import { spawn } from 'child_process';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { N8nHome } from './install';
import { freePort } from './ports';

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

const cliQueues = new WeakMap<N8nHome, Promise<unknown>>();

/**
 * Runs one n8n CLI command, e.g. ['import:credentials', '--input=c.json'],
 * ['import:workflow', '--input=w.json'], ['publish:workflow', '--id=..'],
 * ['execute', '--id=..', '--rawOutput']. Calls on one home run one after another: they share a
 * SQLite file. Each gets its own task-runner broker port, so a CLI call next to a running
 * `n8n start` (or another home) does not collide on the default 5679.
 */
export function n8nCli(home: N8nHome, args: string[], opts: { timeoutMs?: number } = {}): Promise<CliResult> {
	const previous = cliQueues.get(home) ?? Promise.resolve();
	const next = previous.catch(() => undefined).then(() => runCli(home, args, opts.timeoutMs ?? 120_000));
	cliQueues.set(home, next);
	return next;
}

async function runCli(home: N8nHome, args: string[], timeoutMs: number): Promise<CliResult> {
	const env = { ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const child = spawn(home.runtime.node24, [home.runtime.n8nBin, ...args], { cwd: home.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c) => (stdout += c));
	child.stderr.on('data', (c) => (stderr += c));
	const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	clearTimeout(timer);
	return { code, stdout, stderr };
}

/** Writes `items` to a JSON file and imports it; kind is 'credentials' or 'workflow'. */
export async function importJson(home: N8nHome, kind: 'credentials' | 'workflow', items: object | object[]): Promise<CliResult> {
	const file = path.join(home.dir, `import-${kind}-${randomUUID()}.json`);
	fs.writeFileSync(file, JSON.stringify(Array.isArray(items) ? items : [items], null, 2));
	const res = await n8nCli(home, [`import:${kind}`, `--input=${file}`]);
	if (res.code !== 0) throw new Error(`import:${kind} failed (${res.code}):\n${res.stdout}${res.stderr}`);
	return res;
}

/**
 * `n8n execute --id=.. --rawOutput`. The run JSON is the stdout from the first line that is
 * exactly '{' on; it is printed only on success, so `run` is undefined when the workflow failed
 * (read the stored execution then). Judge by `code` and `run.status` together.
 */
export async function executeWorkflow(home: N8nHome, workflowId: string): Promise<CliResult & { run?: any }> {
	const res = await n8nCli(home, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const start = res.stdout.search(/^\{$/m);
	let run: unknown;
	if (start >= 0) {
		try {
			run = JSON.parse(res.stdout.slice(start));
		} catch {
			run = undefined;
		}
	}
	return { ...res, run };
}
