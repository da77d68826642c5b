/**
 * n8n 2.41.1 in queue mode on this machine: Redis and PostgreSQL (services.ts), one main process
 * (`n8n start`: editor, REST, webhooks, trigger activation) and N workers (`n8n worker`), each with
 * its own user folder holding this package as a community package, all sharing the database, the
 * encryption key and the queue.
 *
 * Read from n8n 2.41.1 (node_modules/n8n/dist): workers load community packages from their own
 * `<N8N_USER_FOLDER>/.n8n/nodes` (commands/worker.js needsCommunityPackages); the queue is Bull with
 * `maxStalledCount: 0` (scaling/scaling.service.js), so a job whose worker died is failed by the
 * stalled-job check of a surviving worker once its lock expired (QUEUE_WORKER_LOCK_DURATION),
 * never run again; the main process then records the execution as failed (workflow-runner.js).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { RingCentralEmulator } from '../emulator';
import type { WorkflowJson } from '../n8n/examples';
import { createN8nHome, freePort, setupOwnerAndLogin, spawnN8n, startN8n, waitUntilReady, type N8nHome, type N8nInstance, type RestClient } from '../n8n/n8n';
import { disposeN8n, emulatorAccess, ensureN8nRuntime, prepareN8n } from '../n8n/setup';
import { ensureQueueServices, startPostgres, startRedis, type Postgres, type Service } from './services';
import type { EmulatorAccess } from '../n8n/examples';

export interface QueueClusterOptions {
	workers?: number;
	/** Jobs one worker runs at once (`n8n worker --concurrency`); n8n's default is 10. */
	concurrency?: number;
	credentials: (access: EmulatorAccess) => object[];
	workflows: WorkflowJson[];
	/** How soon a dead worker's job counts as stalled (ms); n8n's defaults: lock 60 s, check every 30 s. */
	lockDurationMs?: number;
	stalledIntervalMs?: number;
}

export interface Worker {
	index: number;
	pid: number;
	home: N8nHome;
	logFile: string;
	log(): string;
	/** Execution ids this worker logged "Worker started execution <id>" for. */
	startedExecutions(): string[];
	alive(): boolean;
	stop(): Promise<void>;
	/** SIGKILL to the worker and its task runner: no shutdown, no cleanup, as a crash or an OOM kill. */
	kill(): Promise<void>;
}

export interface QueueCluster {
	redis: Service;
	postgres: Postgres;
	main: N8nInstance;
	workers: Worker[];
	client: RestClient;
	stop(): Promise<void>;
}

/** Starts everything, in order; on failure stops what was started and rethrows. */
export async function startQueueCluster(emulator: RingCentralEmulator, opts: QueueClusterOptions): Promise<QueueCluster> {
	ensureN8nRuntime();
	ensureQueueServices();
	const stops: (() => Promise<void>)[] = [];
	const stopAll = async () => {
		for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
		stops.length = 0;
	};
	try {
		const redis = await startRedis();
		stops.push(redis.stop);
		const postgres = await startPostgres();
		stops.push(postgres.stop);
		const env = queueEnv(redis, postgres, opts);
		const mainHome = await prepareN8n({ credentials: opts.credentials(emulatorAccess(emulator)), workflows: opts.workflows, env });
		stops.push(async () => disposeN8n(mainHome));
		const main = await startN8n(mainHome, { timeoutMs: 240_000 });
		stops.push(main.stop);
		const homes: N8nHome[] = [];
		for (let index = 0; index < (opts.workers ?? 2); index++) {
			const home = await createN8nHome({ env: { NODE_ENV: undefined, ...env } });
			stops.push(async () => disposeN8n(home));
			// The same package files the main process loads, where n8n looks for community packages.
			fs.cpSync(path.join(mainHome.dir, '.n8n', 'nodes'), path.join(home.dir, '.n8n', 'nodes'), { recursive: true });
			homes.push(home);
		}
		const started = await Promise.allSettled(homes.map((home, index) => startWorker(home, index, opts.concurrency ?? 10)));
		const workers: Worker[] = [];
		for (const result of started) {
			if (result.status !== 'fulfilled') continue;
			workers.push(result.value);
			stops.push(result.value.stop);
		}
		const failed = started.find((result) => result.status === 'rejected');
		if (failed) throw failed.reason;
		const client = await setupOwnerAndLogin(main);
		return { redis, postgres, main, workers, client, stop: stopAll };
	} catch (error) {
		await stopAll();
		throw error;
	}
}

function queueEnv(redis: Service, postgres: Postgres, opts: QueueClusterOptions): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_WORKER_LOCK_DURATION: String(opts.lockDurationMs ?? 10_000),
		QUEUE_WORKER_LOCK_RENEW_TIME: String(Math.floor((opts.lockDurationMs ?? 10_000) / 5)),
		QUEUE_WORKER_STALLED_INTERVAL: String(opts.stalledIntervalMs ?? 5_000),
		// Runs are read back from the database by the tests.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

/** `n8n worker`, resolved once its health endpoint answers ready. */
async function startWorker(home: N8nHome, index: number, concurrency: number): Promise<Worker> {
	const healthPort = await freePort();
	const proc = await spawnN8n(home, ['worker', `--concurrency=${concurrency}`], path.join(home.dir, `worker-${index}.log`), {
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		QUEUE_HEALTH_CHECK_ADDRESS: '127.0.0.1',
	});
	await waitUntilReady(proc, [`http://127.0.0.1:${healthPort}/healthz/readiness`], 240_000, `n8n worker ${index}`);
	const startedExecutions = () => [...proc.log().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
	return { index, pid: proc.pid, home, logFile: proc.logFile, log: proc.log, startedExecutions, alive: proc.alive, stop: proc.stop, kill: proc.kill };
}

/** Keeps the logs of a failed run: copies every process's log into one folder and says where. */
export function keepLogs(cluster: QueueCluster | undefined, label: string): string | undefined {
	if (!cluster) return undefined;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-queue-${label}-`));
	fs.copyFileSync(cluster.main.logFile, path.join(dir, 'main.log'));
	for (const worker of cluster.workers) fs.copyFileSync(worker.logFile, path.join(dir, `worker-${worker.index}.log`));
	return dir;
}
