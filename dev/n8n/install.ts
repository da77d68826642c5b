// A real n8n for tests: the runtime installed by scripts/ensure-n8n.sh, a throwaway user folder, the package as n8n installs it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './ports';

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
