/**
 * Once per e2e run: Node 24 + the n8n under test in the cache (N8N_E2E_VERSION, default 2.41.1;
 * cold about 4-5 min, warm a second), and the package packed once: every test installs that tarball.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { REPO_ROOT } from './examples';
import { n8nVersion, packPackage } from './n8n';
import { ensureN8nRuntime } from './setup';

export default function globalSetup(): void {
	// `npm run test:e2e` builds first; a bare `jest -c jest.e2e.config.js` needs a build too.
	const node = path.join(REPO_ROOT, 'dist', 'nodes', 'RingCentral', 'RingCentral.node.js');
	if (!fs.existsSync(node)) throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does)');
	const started = Date.now();
	const runtime = ensureN8nRuntime();
	console.log(`\nn8n ${n8nVersion()} ready in ${Math.round((Date.now() - started) / 1000)} s: ${runtime.n8nBin}`);
	// Workers start after globalSetup and inherit these; globalTeardown removes the tarball.
	// RINGCENTRAL_E2E_TARBALL given: test that tarball (e.g. a release candidate) instead.
	if (!process.env.RINGCENTRAL_E2E_TARBALL) {
		process.env.RINGCENTRAL_E2E_PACK_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-ringcentral-pack-'));
		process.env.RINGCENTRAL_E2E_TARBALL = packPackage(REPO_ROOT, process.env.RINGCENTRAL_E2E_PACK_DIR);
	}
	console.log(`package under test: ${process.env.RINGCENTRAL_E2E_TARBALL}`);
	process.env.RINGCENTRAL_E2E = '1';
}
