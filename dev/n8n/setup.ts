/**
 * What every e2e file needs: an n8n home with this package installed as a community package,
 * the emulator's credentials and the example workflows imported, and small assertion helpers.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { RingCentralEmulator, type EmulatorOptions } from '../emulator';
import { REPO_ROOT, type EmulatorAccess, type WorkflowJson } from './examples';
import {
	createN8nHome,
	ensureN8n,
	importJson,
	installPackage,
	n8nCli,
	removeN8nHome,
	setupOwnerAndLogin,
	startN8n,
	type CliResult,
	type N8nHome,
	type N8nInstance,
	type N8nRuntime,
	type RestClient,
} from './n8n';

/** Runs only under jest.e2e.config.js, whose globalSetup provides n8n; elsewhere the tests show as skipped. */
export function describeE2e(name: string, tests: () => void): void {
	(process.env.RINGCENTRAL_E2E === '1' ? describe : describe.skip)(name, tests);
}

/**
 * scripts/ensure-n8n.sh without the repository's `ignore-scripts=true`: `npm run` exports it to
 * children as npm_config_ignore_scripts, and a cold install then gets no Node 24 binary (the
 * `node` package's install script fetches it) and skips `npm rebuild sqlite3`.
 */
export function ensureN8nRuntime(version?: string): N8nRuntime {
	delete process.env.npm_config_ignore_scripts;
	return ensureN8n(version);
}

/**
 * The package as users get it: the tarball `npm pack` made once for this e2e run (globalSetup
 * sets RINGCENTRAL_E2E_TARBALL), or, outside jest, the built folder (packed on install).
 */
export function packageToInstall(): string {
	return process.env.RINGCENTRAL_E2E_TARBALL || REPO_ROOT;
}

export function emulatorAccess(emulator: RingCentralEmulator): EmulatorAccess {
	const { clientId, clientSecret, jwt } = emulator.options;
	return { url: emulator.url, clientId, clientSecret, jwt };
}

export interface PrepareOptions {
	credentials?: object[];
	workflows?: WorkflowJson[];
	/** Default: a new temp folder. */
	dir?: string;
	/** Default: a free port. */
	port?: number;
	/** More environment for n8n, e.g. N8N_RESTRICT_FILE_ACCESS_TO. */
	env?: NodeJS.ProcessEnv;
	/** Default n8nVersion() (N8N_E2E_VERSION, else 2.41.1). */
	version?: string;
}

/** An n8n user folder: the package tarball installed, credentials and workflows imported. */
export async function prepareN8n(opts: PrepareOptions = {}): Promise<N8nHome> {
	ensureN8nRuntime(opts.version);
	// Jest sets NODE_ENV=test, and n8n's CLI then silently does nothing (exit 0, no output).
	const home = await createN8nHome({ dir: opts.dir, port: opts.port, version: opts.version, env: { NODE_ENV: undefined, ...opts.env } });
	installPackage(home, packageToInstall());
	if (opts.credentials?.length) await importJson(home, 'credentials', opts.credentials);
	if (opts.workflows?.length) await importJson(home, 'workflow', opts.workflows);
	return home;
}

/** Keeps the folder (and its logs) when RINGCENTRAL_E2E_KEEP=1, for a failed run's post-mortem. */
export function disposeN8n(home: N8nHome | undefined): void {
	if (!home) return;
	if (process.env.RINGCENTRAL_E2E_KEEP === '1') {
		console.log(`kept n8n home ${home.dir}`);
		return;
	}
	removeN8nHome(home);
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The bytes of a binary n8n stored in filesystem-v2 mode (id from the run data). */
export function storedBinary(home: N8nHome, binaryId: string): Buffer {
	const match = /^filesystem-v2:(.+)$/.exec(binaryId);
	if (!match) throw new Error(`not a filesystem-v2 binary id: ${binaryId}`);
	return fs.readFileSync(path.join(home.dir, '.n8n', 'storage', match[1]));
}

/**
 * The bytes of a binary item from run data, in either of n8n's modes: filesystem (an `id`; n8n
 * 2.x's default) or in memory (base64 `data`; n8n 1.x's default).
 */
export function binaryBytes(home: N8nHome, binary: { id?: string; data?: string }): Buffer {
	if (binary.id) return storedBinary(home, binary.id);
	if (typeof binary.data === 'string') return Buffer.from(binary.data, 'base64');
	throw new Error(`binary data with neither an id nor data: ${JSON.stringify(binary).slice(0, 200)}`);
}

export type WorkflowRun = CliResult & { run?: any };

/**
 * `n8n execute --id=.. --rawOutput`. The run JSON is the block from a line `{` to the next line
 * `}`: the JS task runner may log "Registered runner" after it (seen on a slow first run).
 */
export async function runWorkflow(home: N8nHome, workflowId: string): Promise<WorkflowRun> {
	const result = await n8nCli(home, ['execute', `--id=${workflowId}`, '--rawOutput']);
	const block = /^\{$[\s\S]*?^\}$/m.exec(result.stdout);
	let run: unknown;
	try {
		run = block ? JSON.parse(block[0]) : undefined;
	} catch {
		run = undefined;
	}
	return { ...result, run };
}

/** Output items of a node in a CLI run (`n8n execute --rawOutput`). */
export function nodeOutput(run: any, nodeName: string): Array<{ json: any; binary?: Record<string, any> }> {
	return run?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/** A CLI run that failed shows n8n's own output, not just "expected 1 to be 0". */
export function expectSucceeded(result: WorkflowRun): void {
	const ok = result.code === 0 && result.run?.status === 'success';
	if (!ok) {
		const tail = `${result.stdout}\n${result.stderr}`.slice(-4000);
		throw new Error(`n8n execute failed (exit ${result.code}, status ${result.run?.status}):\n${tail}`);
	}
}

export interface RunningN8n {
	emulator: RingCentralEmulator;
	home: N8nHome;
	n8n: N8nInstance;
	client: RestClient;
}

/**
 * One emulator and one started, logged-in n8n for a test file: set up before its tests, stopped
 * after them. `prepare` says what to import; it may also hook into the emulator. The emulator
 * applies RingCentral's limits (5 token requests a minute, 5 sessions per user…) unless
 * `emulatorOptions` scales a window down.
 */
export function runningN8n(
	prepare: (access: EmulatorAccess, emulator: RingCentralEmulator) => PrepareOptions,
	emulatorOptions?: EmulatorOptions,
): RunningN8n {
	const stack = {} as RunningN8n;
	beforeAll(async () => {
		stack.emulator = await RingCentralEmulator.start(emulatorOptions);
		stack.home = await prepareN8n(prepare(emulatorAccess(stack.emulator), stack.emulator));
		stack.n8n = await startN8n(stack.home);
		stack.client = await setupOwnerAndLogin(stack.n8n);
	}, 180_000);
	afterAll(async () => {
		await stack.n8n?.stop();
		await stack.emulator?.stop();
		disposeN8n(stack.home);
	});
	return stack;
}
