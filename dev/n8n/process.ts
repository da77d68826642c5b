// `n8n start` in a user folder, waited for until it answers, and stopped with its children.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { N8nHome } from './install';
import { freePort } from './ports';

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

/** A running n8n process (start, worker…) in its own process group, with its log. */
export interface N8nProcess {
	pid: number;
	logFile: string;
	log(): string;
	alive(): boolean;
	/** SIGTERM, then SIGKILL to the whole group after 20 s. */
	stop(): Promise<void>;
	/** SIGKILL to the whole group at once, as a crash would. */
	kill(): Promise<void>;
}

/** Spawns `n8n <args>` in the user folder, its output to `logFile`; the caller waits for readiness. */
export async function spawnN8n(home: N8nHome, args: string[], logFile: string, env: NodeJS.ProcessEnv = {}): Promise<N8nProcess> {
	const out = fs.openSync(logFile, 'a');
	// Own process group, so stop() can also reach the task runner n8n spawns.
	const child = spawn(home.runtime.node24, [home.runtime.n8nBin, ...args], {
		cwd: home.dir,
		env: { ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env },
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	const pid = child.pid!;
	running.add(pid);
	let exited = false;
	const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), running.delete(pid), resolve())));
	const stop = async () => {
		if (exited) return;
		tryKill(pid, 'SIGTERM');
		const timer = setTimeout(() => tryKill(-pid, 'SIGKILL'), 20_000);
		await exit;
		clearTimeout(timer);
		tryKill(-pid, 'SIGKILL');
	};
	const kill = async () => {
		tryKill(-pid, 'SIGKILL');
		await exit;
	};
	return { pid, logFile, log: () => fs.readFileSync(logFile, 'utf8'), alive: () => !exited, stop, kill };
}

/** Waits until every URL answers 200; stops the process and throws with its log's tail when it exits or times out. */
export async function waitUntilReady(proc: N8nProcess, urls: string[], timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let ready = true;
		for (const url of urls) if (!(await answers(url))) ready = false;
		if (ready) return;
		if (!proc.alive() || Date.now() > deadline) {
			await proc.stop();
			throw new Error(`${what} did not become ready (${proc.alive() ? 'timeout' : 'exited'}); log ${proc.logFile}:\n${proc.log().slice(-4000)}`);
		}
		await sleep(250);
	}
}

/** `n8n start`, resolved once /healthz/readiness and the REST API answer 200 (about 8 s). */
export async function startN8n(home: N8nHome, opts: { logFile?: string; timeoutMs?: number } = {}): Promise<N8nInstance> {
	const logFile = opts.logFile ?? path.join(home.dir, `n8n-start-${Date.now()}.log`);
	const proc = await spawnN8n(home, ['start'], logFile);
	// Readiness says the database is ready; n8n 1.x says so before its REST routes exist.
	await waitUntilReady(proc, [`${home.url}/healthz/readiness`, `${home.url}/rest/settings`], opts.timeoutMs ?? 90_000, 'n8n');
	return { url: home.url, pid: proc.pid, logFile, home, log: proc.log, stop: proc.stop };
}

async function answers(url: string): Promise<boolean> {
	try {
		return (await fetch(url)).status === 200;
	} catch {
		return false;
	}
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
