/** What every queue-mode test file needs: the emulator and a queue cluster for the file's tests. */
import * as fs from 'fs';
import * as path from 'path';

import { RingCentralEmulator, type EmulatorOptions } from '../emulator';
import { jwtCredential } from '../n8n/examples';
import { activateWorkflow, sleep } from '../n8n/n8n';
import { timeline } from './figures';
import { keepLogs, startQueueCluster, type QueueCluster, type QueueClusterOptions } from './cluster';

/** Runs only under jest.queue.config.js, whose globalSetup provides n8n, Redis and PostgreSQL. */
export function describeQueue(name: string, tests: () => void): void {
	(process.env.RINGCENTRAL_QUEUE === '1' ? describe : describe.skip)(name, tests);
}

export interface QueueStack {
	emulator: RingCentralEmulator;
	cluster: QueueCluster;
}

/** RingCentral's limits, with the Medium window scaled down from 60 s to 3 s (the limit stays 40). */
export const MEDIUM_40_PER_3S: EmulatorOptions = { rateLimits: { Medium: { limit: 40, windowSeconds: 3 } } };

export function useQueueCluster(opts: Omit<QueueClusterOptions, 'credentials'>, emulatorOptions: EmulatorOptions = MEDIUM_40_PER_3S): QueueStack {
	const stack = {} as QueueStack;
	beforeAll(async () => {
		const started = Date.now();
		stack.emulator = await RingCentralEmulator.start(emulatorOptions);
		stack.cluster = await startQueueCluster(stack.emulator, { ...opts, credentials: (access) => [jwtCredential(access)] });
		console.log(`queue cluster (Redis, PostgreSQL, main, ${stack.cluster.workers.length} workers) up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}, 600_000);
	afterAll(async () => {
		// RINGCENTRAL_E2E_KEEP=1 keeps the main's and the workers' logs for a post-mortem.
		if (process.env.RINGCENTRAL_E2E_KEEP === '1') {
			const dir = keepLogs(stack.cluster, 'logs');
			if (dir && stack.emulator) fs.writeFileSync(path.join(dir, 'emulator-journal.txt'), timeline(stack.emulator));
			console.log(`logs kept in ${dir}`);
		}
		await stack.cluster?.stop();
		await stack.emulator?.stop();
	}, 120_000);
	return stack;
}

/** Publishes a workflow on the main process and waits until its webhook answers something else than 404. */
export async function publish(stack: QueueStack, workflowId: string, webhookUrl?: string, warmUpBody: object = { messages: [] }): Promise<void> {
	const publication = await activateWorkflow(stack.cluster.client, workflowId, 60_000);
	if (publication.status !== 'published') throw new Error(`${workflowId} not published: ${JSON.stringify(publication)}`);
	if (!webhookUrl) return;
	const deadline = Date.now() + 60_000;
	for (;;) {
		const res = await fetch(webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(warmUpBody) });
		await res.arrayBuffer();
		if (res.status !== 404) return;
		if (Date.now() > deadline) throw new Error(`webhook ${webhookUrl} not registered in time`);
		await sleep(250);
	}
}

export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
		await sleep(50);
	}
}
