/**
 * Throwaway Redis and PostgreSQL for n8n's queue mode: Debian's binaries (dev/queue/ensure-services.sh
 * installs them), started on loopback with a free port and their data in a temporary folder, stopped
 * and removed afterwards. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * user that Debian's package creates.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { freePort, sleep } from '../n8n/n8n';

export interface Service {
	port: number;
	dir: string;
	stop(): Promise<void>;
}

/** Runs dev/queue/ensure-services.sh (installs redis-server and postgresql when absent). */
export function ensureQueueServices(): void {
	const script = path.join(__dirname, 'ensure-services.sh');
	const res = spawnSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'] });
	if (res.status !== 0) throw new Error(`ensure-services.sh failed with ${res.status ?? res.signal}`);
}

/** `redis-server` without persistence, bound to 127.0.0.1. */
export async function startRedis(parent = os.tmpdir()): Promise<Service> {
	const dir = fs.mkdtempSync(path.join(parent, 'redis-'));
	const port = await freePort();
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--logfile', path.join(dir, 'redis.log')];
	const child = spawn('redis-server', args, { stdio: 'ignore' });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 20_000;
	while (!(await redisPong(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`redis-server did not start on ${port}: ${readTail(path.join(dir, 'redis.log'))}`);
		}
		await sleep(100);
	}
	return { port, dir, stop: async () => await stopChild(child, exited, dir) };
}

async function redisPong(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		const done = (ok: boolean) => (socket.destroy(), resolve(ok));
		socket.once('error', () => done(false));
		socket.setTimeout(1000, () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

async function stopChild(child: ChildProcess, exited: Promise<void>, dir: string): Promise<void> {
	if (child.exitCode === null) {
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}
	fs.rmSync(dir, { recursive: true, force: true });
}

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
	if (versions.length === 0) throw new Error('PostgreSQL is not installed: run dev/queue/ensure-services.sh');
	versions.sort((a, b) => Number(b) - Number(a));
	return path.join(root, versions[0], 'bin');
}

export interface Postgres extends Service {
	database: string;
	user: string;
}

/** A fresh cluster (trust authentication on loopback) with one database for n8n. */
export async function startPostgres(parent = os.tmpdir(), database = 'n8n'): Promise<Postgres> {
	const bin = postgresBin();
	const dir = fs.mkdtempSync(path.join(parent, 'postgres-'));
	const data = path.join(dir, 'data');
	const port = await freePort();
	const asRoot = process.getuid?.() === 0;
	const user = 'postgres';
	if (asRoot) spawnSync('chown', ['-R', `${user}:`, dir]);
	fs.chmodSync(dir, 0o755);
	const run = (cmd: string, args: string[], timeoutMs = 120_000) => {
		const [file, argv] = asRoot ? ['runuser', ['-u', user, '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
		const res = spawnSync(file, argv, { encoding: 'utf8', timeout: timeoutMs, cwd: dir });
		if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status ?? res.signal}):\n${res.stderr}${res.stdout}`);
	};
	run('initdb', ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-sync']);
	// Unix socket in the data folder, not /var/run/postgresql (absent when no cluster was ever set up).
	const options = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
	run('pg_ctl', ['-D', data, '-l', path.join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start'], 90_000);
	const stop = async () => {
		try {
			run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], 30_000);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	try {
		run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, database]);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, dir, database, user, stop };
}

function readTail(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8').slice(-2000);
	} catch {
		return '(no log)';
	}
}
