/** Once per queue-mode run: n8n 2.41.1 in the cache, Redis and PostgreSQL installed, dist/ built. */
import * as fs from 'fs';
import * as path from 'path';

import { REPO_ROOT } from '../n8n/examples';
import { ensureN8nRuntime } from '../n8n/setup';
import { ensureQueueServices } from './services';

export default function globalSetup(): void {
	const node = path.join(REPO_ROOT, 'dist', 'nodes', 'RingCentral', 'RingCentral.node.js');
	if (!fs.existsSync(node)) throw new Error('dist/ is missing: run `npm run build` (npm run test:queue does)');
	const started = Date.now();
	ensureQueueServices();
	const runtime = ensureN8nRuntime();
	console.log(`\nn8n, Redis and PostgreSQL ready in ${Math.round((Date.now() - started) / 1000)} s: ${runtime.n8nBin}`);
	process.env.RINGCENTRAL_QUEUE = '1';
}
