/** After the e2e run: removes the tarball globalSetup packed (never one the caller gave). */
import * as fs from 'fs';

export default function globalTeardown(): void {
	const packDir = process.env.RINGCENTRAL_E2E_PACK_DIR;
	if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
}
