// `n8n start` in a user folder, waited for until it answers, and stopped with its children.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { freePort, type N8nHome } from './install';

export interface N8nInstance {
	url: string;
	pid: number;
	logFile: string;
	home: N8nHome;
	log(): string;
	stop(): Promise<void>;
}

const running = new Set<number>();
// A crashed test run must not leave n8n behind holding the port.
process.once('exit', () => running.forEach((pid) => tryKill(-pid, 'SIGKILL')));

function tryKill(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(pid, signal);
	} catch {
		// already gone
	}
}

/** `n8n start`, resolved once /healthz/readiness and the REST API answer 200 (about 8 s). */
export async function startN8n(home: N8nHome, opts: { logFile?: string; timeoutMs?: number } = {}): Promise<N8nInstance> {
	const logFile = opts.logFile ?? path.join(home.dir, `n8n-start-${Date.now()}.log`);
	const out = fs.openSync(logFile, 'a');
	const env = { ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	// Own process group, so stop() can also reach the task runner n8n spawns.
	const child = spawn(home.runtime.node24, [home.runtime.n8nBin, 'start'], {
		cwd: home.dir,
		env,
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	const pid = child.pid!;
	running.add(pid);
	let exited = false;
	const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), running.delete(pid), resolve())));
	const log = () => fs.readFileSync(logFile, 'utf8');
	const stop = async () => {
		if (exited) return;
		tryKill(pid, 'SIGTERM');
		const timer = setTimeout(() => tryKill(-pid, 'SIGKILL'), 20_000);
		await exit;
		clearTimeout(timer);
		tryKill(-pid, 'SIGKILL');
	};
	const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
	// Readiness says the database is ready; n8n 1.x says so before its REST routes exist.
	while (!(await answers(`${home.url}/healthz/readiness`)) || !(await answers(`${home.url}/rest/settings`))) {
		if (exited || Date.now() > deadline) {
			await stop();
			throw new Error(`n8n did not become ready (${exited ? 'exited' : 'timeout'}); log ${logFile}:\n${log().slice(-4000)}`);
		}
		await sleep(250);
	}
	return { url: home.url, pid, logFile, home, log, stop };
}

async function answers(url: string): Promise<boolean> {
	try {
		return (await fetch(url)).status === 200;
	} catch {
		return false;
	}
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
