/**
 * A throwaway full n8n 2.41.1 home with this package installed as a community package, the bench
 * credentials and workflows imported, and `n8n execute --id` runs read from their --rawOutput.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import {
	createN8nHome,
	executeWorkflow,
	importJson,
	installPackage,
	n8nCli,
	removeN8nHome,
	type N8nHome,
} from '../dev/n8n/n8n';

const REPO_ROOT = path.resolve(__dirname, '..');

export interface NodeRun {
	startTime: number;
	executionTime: number;
	items: { json: Record<string, unknown> }[];
}

export interface ExecutionResult {
	status: string;
	/** Wall time of the whole `n8n execute` process (boot included). */
	cliMs: number;
	nodes: Record<string, NodeRun>;
}

export class BenchN8n {
	private constructor(
		readonly home: N8nHome,
		readonly version: string,
	) {}

	static async create(credentials: object[]): Promise<BenchN8n> {
		const home = await createN8nHome();
		try {
			installPackage(home, REPO_ROOT);
			const version = await n8nCli(home, ['--version']);
			await importJson(home, 'credentials', credentials);
			return new BenchN8n(home, version.stdout.trim());
		} catch (error) {
			removeN8nHome(home);
			throw error;
		}
	}

	/** The Node version n8n runs on (Node 24 from scripts/ensure-n8n.sh). */
	get nodeVersion(): string {
		return spawnSync(this.home.runtime.node24, ['-v'], { encoding: 'utf8' }).stdout.trim();
	}

	async importWorkflows(workflows: object[]): Promise<void> {
		await importJson(this.home, 'workflow', workflows);
	}

	async execute(workflowId: string): Promise<ExecutionResult> {
		const started = Date.now();
		const res = await executeWorkflow(this.home, workflowId);
		const cliMs = Date.now() - started;
		if (!res.run) throw new Error(`n8n execute --id=${workflowId} failed (${res.code}):\n${(res.stdout + res.stderr).slice(-3000)}`);
		const runData = res.run.data?.resultData?.runData ?? {};
		const nodes: Record<string, NodeRun> = {};
		for (const [name, tasks] of Object.entries(runData as Record<string, any[]>)) {
			nodes[name] = { startTime: tasks[0].startTime, executionTime: tasks[0].executionTime, items: tasks[0].data?.main?.[0] ?? [] };
		}
		return { status: res.run.status ?? 'unknown', cliMs, nodes };
	}

	dispose(): void {
		removeN8nHome(this.home);
	}
}
