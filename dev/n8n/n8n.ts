/**
 * Drives a real n8n (installed by scripts/ensure-n8n.sh outside the repository) for the e2e tests
 * and the local editor: a throwaway user folder per run, the package installed the way n8n
 * installs community packages, the CLI, `n8n start`, and the REST calls the editor makes.
 * The version is 2.41.1 unless N8N_E2E_VERSION names another (1.123.81: the supported 1.x line).
 *
 * Every route and payload below was read from n8n 2.41.1's own code (node_modules/n8n/dist and
 * @n8n/api-types/dist), not guessed:
 * - POST /rest/owner/setup {email, firstName, lastName, password}: skipAuth, sets the auth cookie.
 *   password: 8-64 chars with a digit and an uppercase letter.
 * - POST /rest/login {emailOrLdapLoginId, password}: sets cookie `n8n-auth` (a JWT).
 *   The JWT carries a hash of the `browser-id` request header; every later REST call must send
 *   the same header or gets 401 (only GETs of the OAuth callbacks, /types/*.json and push skip it).
 * - POST /rest/credentials/test {credentials: {id, name, type, data}}: `id` must be a stored
 *   credential the user can read; `data` is what gets tested (redacted values are restored from the
 *   stored ones, omitted data means none), answer {data: {status: 'OK' | 'Error', message}}.
 * - GET /rest/credentials/:id?includeData=true: the stored credential with redacted secrets.
 * - Workflows are "published" in 2.x: POST /rest/workflows/:id/activate {versionId} (versionId
 *   from GET /rest/workflows/:id), POST .../deactivate {}. Both only queue the change; GET
 *   /rest/workflows/:id/publication-status tells when the triggers are live (activateWorkflow). n8n 1.123 has the
 *   same activate route but activates before answering, and has no publication-status.
 *   Offline, `n8n publish:workflow --id=..` (`update:workflow --active=true` is a deprecated alias)
 *   marks it for activation at the next start. `import:workflow` always imports inactive, and
 *   `--activeState=fromJson` is refused outside queue mode.
 * - GET /rest/executions?filter={"workflowId":".."}&limit=N: {data: {count, results: [...]}}.
 *   GET /rest/executions/:id: {data: {id, status, mode, workflowId, data: <flatted string>}}.
 * - OAuth2 authorization code, see connectOAuth2 below.
 */
import { spawn, spawnSync } from 'child_process';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface N8nRuntime {
	node24: string;
	n8nBin: string;
	/** e.g. '2.41.1' or '1.123.81'. */
	version: string;
}

/** The n8n version the e2e tests and the local editor use: N8N_E2E_VERSION, else 2.41.1. */
export const DEFAULT_N8N_VERSION = '2.41.1';
export const n8nVersion = (): string => process.env.N8N_E2E_VERSION || DEFAULT_N8N_VERSION;
/** n8n 1.x: no workflow publication service, no publication-status route. */
export const isN8n1 = (version = n8nVersion()): boolean => version.startsWith('1.');

const runtimes = new Map<string, N8nRuntime>();

/** Installs Node 24 + that n8n on first use (minutes), afterwards returns at once. */
export function ensureN8n(version = n8nVersion()): N8nRuntime {
	const known = runtimes.get(version);
	if (known) return known;
	const script = path.join(REPO_ROOT, 'scripts', 'ensure-n8n.sh');
	// stderr is inherited so a cold install shows its progress lines in the test output.
	const res = spawnSync('bash', [script, version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (res.status !== 0) throw new Error(`ensure-n8n.sh ${version} failed with ${res.status ?? res.signal}`);
	const line = (key: string) => {
		const found = res.stdout.split('\n').find((l) => l.startsWith(`${key}=`));
		if (!found) throw new Error(`ensure-n8n.sh printed no ${key}=`);
		return found.slice(key.length + 1).trim();
	};
	const runtime = { node24: line('NODE24'), n8nBin: line('N8N_BIN'), version };
	runtimes.set(version, runtime);
	return runtime;
}

export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

export interface N8nHome {
	/** N8N_USER_FOLDER; n8n keeps its data in `<dir>/.n8n`. */
	dir: string;
	port: number;
	url: string;
	env: NodeJS.ProcessEnv;
	runtime: N8nRuntime;
}

export interface N8nHomeOptions {
	/** Reuse a folder (the local editor); default a fresh temp folder. */
	dir?: string;
	port?: number;
	/** Must stay the same for the life of a folder: n8n refuses a changed key. */
	encryptionKey?: string;
	env?: NodeJS.ProcessEnv;
	/** Default n8nVersion(). */
	version?: string;
}

export async function createN8nHome(opts: N8nHomeOptions = {}): Promise<N8nHome> {
	const rt = ensureN8n(opts.version);
	const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
	const port = opts.port ?? (await freePort());
	// 127.0.0.1, not localhost: the OAuth2 redirect_uri and webhook URLs are built from these, and
	// localhost may resolve to ::1 where nothing listens.
	const url = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: [path.dirname(rt.node24), path.join(path.dirname(rt.n8nBin), '..', '..', '.bin'), process.env.PATH].join(path.delimiter),
		N8N_USER_FOLDER: dir,
		N8N_ENCRYPTION_KEY: opts.encryptionKey ?? 'n8n-nodes-ringcentral-e2e-key',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: url,
		WEBHOOK_URL: `${url}/`,
		// Cookies over plain http; without this the browser and fetch drop n8n-auth.
		N8N_SECURE_COOKIE: 'false',
		// This machine and CI reach no n8n online service: keep n8n from trying.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		GENERIC_TIMEZONE: 'UTC',
		// n8n start creates n8nDataTableUploads under the temp dir: keep it inside the home.
		TMPDIR: path.join(dir, 'tmp'),
		...opts.env,
	};
	return { dir, port, url, env, runtime: rt };
}

export function removeN8nHome(home: N8nHome): void {
	fs.rmSync(home.dir, { recursive: true, force: true });
}

export interface InstalledPackage {
	name: string;
	version: string;
	dir: string;
}

/**
 * `npm pack` of the built package (dist/ must exist) into `destDir`; returns the tarball's path.
 * --ignore-scripts: the caller has built dist/ already; a prepack hook must not rebuild here.
 */
export function packPackage(packageDir: string, destDir: string): string {
	fs.mkdirSync(destDir, { recursive: true });
	const res = spawnSync('npm', ['pack', path.resolve(packageDir), '--ignore-scripts', '--json', '--pack-destination', destDir], {
		cwd: destDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	if (res.status !== 0) throw new Error(`npm pack failed:\n${res.stderr}${res.stdout}`);
	const [{ filename }] = JSON.parse(res.stdout) as { filename: string }[];
	return path.join(destDir, path.basename(filename));
}

/**
 * Installs a package tarball (or a package folder, packed first) as n8n's community-package
 * installer does (CommunityPackagesService.downloadPackage): unpack the tarball into
 * `.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies, install the runtime ones.
 * n8n then loads it as `<name>.<nodeName>` (a symlink or N8N_CUSTOM_EXTENSIONS would give
 * `CUSTOM.<nodeName>`, which users' workflows never contain). n8n-workflow comes from n8n itself
 * (it puts its own node_modules on NODE_PATH).
 */
export function installPackage(home: N8nHome, packageOrTarball: string): InstalledPackage {
	const nodesDir = path.join(home.dir, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const run = (cmd: string, args: string[], cwd: string) => {
		const res = spawnSync(cmd, args, { cwd, env: home.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stderr}${res.stdout}`);
		return res.stdout;
	};
	const packed = packageOrTarball.endsWith('.tgz') ? undefined : packPackage(packageOrTarball, nodesDir);
	const tarball = packed ?? path.resolve(packageOrTarball);
	const { name, version } = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], nodesDir)) as { name: string; version: string };
	const dir = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], nodesDir);
	if (packed) fs.rmSync(packed);
	const pkgFile = path.join(dir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
	fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
	if (Object.keys(pkg.dependencies ?? {}).length > 0) {
		// The flags n8n's own installer passes.
		const flags = ['--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'];
		run('npm', ['install', ...flags], dir);
	}
	// n8n keeps this manifest of what it installed; write it as n8n would.
	const manifestFile = path.join(nodesDir, 'package.json');
	const manifest = fs.existsSync(manifestFile)
		? JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
		: { name: 'installed-nodes', private: true };
	manifest.dependencies = { ...manifest.dependencies, [name]: version };
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
	return { name, version, dir };
}

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

export interface RestResponse<T = any> {
	status: number;
	headers: Headers;
	/** Parsed JSON, or the text when the body is not JSON. */
	body: any;
	/** n8n wraps REST answers as {data}; this is that data. */
	data: T;
}

export interface RestClient {
	url: string;
	browserId: string;
	/** Cookie jar: n8n-auth, and n8n-oauth-binding during an OAuth2 flow. */
	cookies: Map<string, string>;
	cookieHeader(): string;
	rest<T = any>(method: string, route: string, body?: unknown): Promise<RestResponse<T>>;
}

export function createRestClient(url: string): RestClient {
	const cookies = new Map<string, string>();
	const client: RestClient = {
		url,
		browserId: randomUUID(),
		cookies,
		cookieHeader: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
		async rest(method, route, body) {
			const res = await fetch(`${url}${route}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': client.browserId,
					cookie: client.cookieHeader(),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
				redirect: 'manual',
			});
			keepCookies(cookies, res.headers);
			const text = await res.text();
			let parsed: any = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				// HTML or empty body
			}
			return { status: res.status, headers: res.headers, body: parsed, data: parsed?.data };
		},
	};
	return client;
}

function keepCookies(jar: Map<string, string>, headers: Headers): void {
	for (const cookie of headers.getSetCookie()) {
		const [pair] = cookie.split(';');
		const eq = pair.indexOf('=');
		jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
	}
}

async function ok<T>(res: Promise<RestResponse<T>>, what: string): Promise<T> {
	const r = await res;
	if (r.status < 200 || r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
	return r.data;
}

export const DEFAULT_OWNER = {
	email: 'admin@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd!',
};

/**
 * Creates the owner (the first-start sign-up form), then logs in as the editor does. A reused
 * folder (the local editor) already has its owner: n8n answers 400 'Instance owner already setup'.
 */
export async function setupOwnerAndLogin(instance: { url: string }, owner = DEFAULT_OWNER): Promise<RestClient> {
	const client = createRestClient(instance.url);
	const setup = await client.rest('POST', '/rest/owner/setup', owner);
	const alreadySetUp = setup.status === 400 && /already setup/.test(JSON.stringify(setup.body));
	if (setup.status !== 200 && !alreadySetUp) throw new Error(`owner setup: HTTP ${setup.status} ${JSON.stringify(setup.body)}`);
	return await login(client, owner);
}

export async function login(client: RestClient, owner = DEFAULT_OWNER): Promise<RestClient> {
	await ok(client.rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password }), 'login');
	return client;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * n8n's "Test" button on a stored credential. Without `data`, sends the stored (redacted) data
 * back as the editor does; n8n restores the secrets before running the credential's `test`.
 */
export async function testCredential(
	client: RestClient,
	credential: { id: string; name?: string; type?: string; data?: object },
): Promise<CredentialTestResult> {
	let { name, type, data } = credential;
	if (!type || !data) {
		const stored = await ok(client.rest('GET', `/rest/credentials/${credential.id}?includeData=true`), 'get credential');
		name ??= stored.name;
		type ??= stored.type;
		data ??= stored.data;
	}
	const body = { credentials: { id: credential.id, name: name ?? '', type, data } };
	return await ok(client.rest<CredentialTestResult>('POST', '/rest/credentials/test', body), 'credential test');
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	/** One per trigger node; errorMessage says why a trigger (e.g. a webhook subscription) failed. */
	triggers: { nodeId: string; status: string; errorMessage: string | null }[];
}

/**
 * Publishes a workflow on a running n8n. The REST answer comes before the triggers are live: 2.41
 * activates through an outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE, on by default), so this
 * polls GET /rest/workflows/:id/publication-status until that version settled and returns it.
 */
export async function activateWorkflow(client: RestClient, workflowId: string, timeoutMs = 30_000): Promise<PublicationStatus> {
	const wf = await ok(client.rest('GET', `/rest/workflows/${workflowId}`), 'get workflow');
	const activation = client.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: wf.versionId });
	if (isN8n1()) {
		// 1.x activates the triggers before it answers; a failed activation answers 4xx with the reason.
		const res = await activation;
		if (res.status >= 200 && res.status < 300) return { status: 'published', liveVersionId: wf.versionId, pendingVersionId: null, triggers: [] };
		return { status: 'failed', liveVersionId: null, pendingVersionId: null, triggers: [{ nodeId: '', status: 'failed', errorMessage: String(res.body?.message ?? res.status) }] };
	}
	await ok(activation, 'activate workflow');
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const pub = await ok(client.rest<PublicationStatus>('GET', `/rest/workflows/${workflowId}/publication-status`), 'publication status');
		const settled = pub.status !== 'in_progress' && (pub.liveVersionId === wf.versionId || pub.status === 'failed');
		if (settled) return pub;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId} not published in time: ${JSON.stringify(pub)}`);
		await sleep(200);
	}
}

export async function deactivateWorkflow(client: RestClient, workflowId: string): Promise<any> {
	return await ok(client.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {}), 'deactivate workflow');
}

/**
 * Sends `init` to a production webhook until n8n stops answering 404 and returns that answer.
 * Needed because `n8n start` reports ready before it has activated published workflows. The first
 * non-404 request is a real call, so it is the one to assert on.
 */
export async function waitForWebhook(url: string, init: RequestInit = { method: 'POST' }, timeoutMs = 30_000): Promise<Response> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const res = await fetch(url, init);
		if (res.status !== 404 || Date.now() > deadline) return res;
		await res.arrayBuffer();
		await sleep(250);
	}
}

export interface StoredExecution {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	finished: boolean;
	/** IRunExecutionData: resultData.runData[nodeName][run].data.main, resultData.error. */
	data: any;
}

/** Reads a stored execution; `data` is parsed from n8n's flatted format with n8n's own flatted. */
export async function getExecution(client: RestClient, executionId: string): Promise<StoredExecution> {
	const exec = await ok(client.rest('GET', `/rest/executions/${executionId}`), 'get execution');
	const flatted = createRequire(ensureN8n().n8nBin)('flatted') as { parse(text: string): unknown };
	return { ...exec, data: typeof exec.data === 'string' ? flatted.parse(exec.data) : exec.data };
}

/** Newest first: [{id, status, mode, workflowId, startedAt, stoppedAt, ...}]. */
export async function listExecutions(client: RestClient, workflowId?: string, limit = 20): Promise<any[]> {
	const filter = workflowId ? `&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}` : '';
	const page = await ok(client.rest('GET', `/rest/executions?limit=${limit}${filter}`), 'list executions');
	return page.results;
}

/** Waits until the workflow has `count` finished executions (webhook runs are saved after the answer). */
export async function waitForExecutions(client: RestClient, workflowId: string, count = 1, timeoutMs = 30_000): Promise<any[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const done = (await listExecutions(client, workflowId)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length >= count) return done;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${done.length}/${count} executions finished`);
		await sleep(250);
	}
}

/**
 * OAuth2 authorization-code flow, as the editor's "Connect" button runs it in 2.41.1:
 * 1. GET /rest/oauth2-credential/auth?id=<credentialId> (cookie + browser-id) answers
 *    {data: <authorize URL>} with redirect_uri `<N8N_EDITOR_BASE_URL>/rest/oauth2-credential/callback`
 *    and state = base64 JSON {token, createdAt}; the CSRF secret is kept server-side for 5 min.
 *    If N8N_OAUTH_BROWSER_BINDING is on, it also sets cookie `n8n-oauth-binding`.
 * 2. The browser opens the authorize URL; the provider redirects to the callback with code+state.
 * 3. GET /rest/oauth2-credential/callback?code=..&state=.. needs the n8n-auth cookie of the same
 *    user (no browser-id check on this GET), swaps the code at accessTokenUrl, stores
 *    oauthTokenData in the credential and renders an HTML page (200 both on success and on error).
 * This follows the redirects by hand, for a provider that consents without a login page (302).
 * Success is judged by the stored credential, not by the HTML.
 */
export async function connectOAuth2(client: RestClient, credentialId: string): Promise<{ callbackStatus: number; callbackBody: string }> {
	const authUrl = await ok(client.rest<string>('GET', `/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`), 'oauth2 auth');
	let next = authUrl;
	for (let hop = 0; hop < 10; hop++) {
		const toN8n = next.startsWith(`${client.url}/`);
		// Only n8n gets the n8n cookies (auth, and the browser binding of step 1).
		const headers: Record<string, string> = toN8n ? { cookie: client.cookieHeader(), 'browser-id': client.browserId } : {};
		const res = await fetch(next, { redirect: 'manual', headers });
		const location = res.headers.get('location');
		if (res.status >= 300 && res.status < 400 && location) {
			await res.arrayBuffer();
			next = new URL(location, next).toString();
			continue;
		}
		const body = await res.text();
		if (!toN8n) throw new Error(`OAuth2 provider answered ${res.status} at ${next} instead of redirecting:\n${body.slice(0, 500)}`);
		const stored = await ok(client.rest('GET', `/rest/credentials/${credentialId}?includeData=true`), 'get credential');
		if (!stored.data?.oauthTokenData) throw new Error(`OAuth2 callback did not store a token (HTTP ${res.status}):\n${body.slice(0, 1000)}`);
		return { callbackStatus: res.status, callbackBody: body };
	}
	throw new Error('OAuth2 flow: too many redirects');
}
