/**
 * The package as npm publishes it: the tarball every e2e test installs (globalSetup packs it once)
 * holds only dist/, README, LICENSE and package.json; every node and credential n8n is told to
 * load is in it, with the icons and codex files they name; nothing of this machine leaks into it.
 * That n8n loads it as a community package is checked by compat.e2e.test.ts.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { REPO_ROOT } from '../../dev/n8n/examples';
import { describeE2e, packageToInstall } from '../../dev/n8n/setup';

describeE2e('the npm package', () => {
	let tarball: string;
	let unpacked: string;
	let entries: string[];
	let manifest: any;

	beforeAll(() => {
		tarball = packageToInstall();
		expect(tarball).toMatch(/\.tgz$/);
		unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-package-'));
		execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
		entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter((e) => e && !e.endsWith('/'));
		manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package', 'package.json'), 'utf8'));
	});
	afterAll(() => fs.rmSync(unpacked, { recursive: true, force: true }));

	const inPackage = (file: string) => path.join(unpacked, 'package', file);

	test('only dist/, README.md, LICENSE and package.json', () => {
		const others = entries.filter((e) => !/^package\/dist\//.test(e) && !['package/README.md', 'package/LICENSE', 'package/package.json'].includes(e));
		expect(others).toEqual([]);
		expect(entries).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/package.json']));
		// Built JavaScript and declarations only: no tests, sources, maps or build caches.
		expect(entries.filter((e) => e.startsWith('package/dist/') && !/\.(js|d\.ts|json|svg)$/.test(e))).toEqual([]);
		expect(entries.filter((e) => /\.test\.|\/test\/|\.map$|tsbuildinfo/.test(e))).toEqual([]);
		console.log(`${path.basename(tarball)}: ${entries.length} files, ${fs.statSync(tarball).size} bytes packed`);
	});

	test('a community node package: its keyword, no runtime dependencies, n8n-workflow as the only peer', () => {
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.files).toEqual(['dist']);
	});

	test('every n8n.nodes and n8n.credentials path is in the tarball, with the codex and icons it names', () => {
		const declared: string[] = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
		expect(manifest.n8n.nodes).toHaveLength(2);
		expect(manifest.n8n.credentials).toHaveLength(2);
		for (const file of declared) expect(entries).toContain(`package/${file}`);
		for (const node of manifest.n8n.nodes as string[]) expect(entries).toContain(`package/${node}on`);
		for (const file of declared) {
			const code = fs.readFileSync(inPackage(file), 'utf8');
			const icons = [...code.matchAll(/'file:([^']+)'/g)].map((m) => m[1]);
			expect(icons.length).toBeGreaterThan(0);
			for (const icon of icons) expect(fs.existsSync(path.resolve(path.dirname(inPackage(file)), icon))).toBe(true);
		}
	});

	test('no path of the machine that built it', () => {
		const leaks = [REPO_ROOT, os.homedir(), os.tmpdir()].filter((p) => p.length > 1);
		for (const entry of entries) {
			const text = fs.readFileSync(path.join(unpacked, entry), 'utf8');
			for (const leak of leaks) expect({ entry, leak: text.includes(leak) }).toEqual({ entry, leak: false });
		}
	});
});
