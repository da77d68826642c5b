/**
 * n8n-core reads its folders from the environment when its services are first built, so this
 * module must be imported before anything from n8n-core: every harness file imports it first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const created: string[] = [];
function tempDir(prefix: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	created.push(dir);
	return dir;
}

process.env.N8N_USER_FOLDER ??= tempDir('rc-n8n-user-');
process.env.N8N_BINARY_DATA_STORAGE_PATH ??= tempDir('rc-n8n-binary-');
process.env.N8N_ENCRYPTION_KEY ??= 'ringcentral-tests';
process.env.N8N_LOG_LEVEL ??= 'silent';

process.once('exit', () => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
