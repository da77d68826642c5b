/** Once per e2e run: Node 24 + n8n 2.41.1 in the cache (cold about 5 min, warm a second). */
import * as fs from 'fs';
import * as path from 'path';

import { REPO_ROOT } from './examples';
import { ensureN8nRuntime } from './setup';

export default function globalSetup(): void {
	// `npm run test:e2e` builds first; a bare `jest -c jest.e2e.config.js` needs a build too.
	const node = path.join(REPO_ROOT, 'dist', 'nodes', 'RingCentral', 'RingCentral.node.js');
	if (!fs.existsSync(node)) throw new Error('dist/ is missing: run `npm run build` (npm run test:e2e does)');
	const started = Date.now();
	const runtime = ensureN8nRuntime();
	console.log(`\nn8n ready in ${Math.round((Date.now() - started) / 1000)} s: ${runtime.n8nBin}`);
	// Workers start after globalSetup and inherit this.
	process.env.RINGCENTRAL_E2E = '1';
}
