/**
 * What every e2e file needs: an n8n home with this package installed as a community package,
 * the emulator's credentials and the example workflows imported, and small assertion helpers.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import type { RingCentralEmulator } from '../emulator';
import { REPO_ROOT, type EmulatorAccess, type WorkflowJson } from './examples';
import { createN8nHome, importJson, installPackage, removeN8nHome, type CliResult, type N8nHome } from './n8n';

/** Set by the e2e globalSetup; the unit jest config also matches *.e2e.test.ts and must skip them. */
export const describeE2e = process.env.RINGCENTRAL_E2E === '1' ? describe : describe.skip;

export function emulatorAccess(emulator: RingCentralEmulator): EmulatorAccess {
	const { clientId, clientSecret, jwt } = emulator.options;
	return { url: emulator.url, clientId, clientSecret, jwt };
}

export interface PrepareOptions {
	credentials?: object[];
	workflows?: WorkflowJson[];
}

/** A fresh n8n user folder: package installed from dist/, credentials and workflows imported. */
export async function prepareN8n(opts: PrepareOptions = {}): Promise<N8nHome> {
	// Jest sets NODE_ENV=test, and n8n's CLI then silently does nothing (exit 0, no output).
	const home = await createN8nHome({ env: { NODE_ENV: undefined } });
	installPackage(home, REPO_ROOT);
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

/** Output items of a node in a CLI run (`n8n execute --rawOutput`). */
export function nodeOutput(run: any, nodeName: string): Array<{ json: any; binary?: Record<string, any> }> {
	return run?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/** A CLI run that failed shows n8n's own output, not just "expected 1 to be 0". */
export function expectSucceeded(result: CliResult & { run?: any }): void {
	const ok = result.code === 0 && result.run?.status === 'success';
	if (!ok) {
		const tail = `${result.stdout}\n${result.stderr}`.slice(-4000);
		throw new Error(`n8n execute failed (exit ${result.code}, status ${result.run?.status}):\n${tail}`);
	}
}
