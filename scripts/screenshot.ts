/**
 * Captures docs/node-panel.png: the RingCentral node's panel (Send SMS) in a real n8n editor.
 *   npx tsx scripts/screenshot.ts [editor URL]
 * Uses the editor of `npm run n8n` when one answers at the URL (default http://127.0.0.1:5678),
 * otherwise starts one itself (and stops it afterwards). Needs Debian's chromium
 * (apt-get install -y chromium) and the playwright-core devDependency; no browser download.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Page } from 'playwright-core';

import { EXAMPLES, REPO_ROOT } from '../dev/n8n/examples';
import { DEFAULT_OWNER } from '../dev/n8n/n8n';
import { startEditor, type EditorStack } from './n8n-editor';

const OUTPUT = path.join(REPO_ROOT, 'docs', 'node-panel.png');
const NODE_NAME = 'Send Reminder';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Offline and quiet: no update checks, sync, QUIC or GPU in a container.
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function answers(url: string): Promise<boolean> {
	try {
		return (await fetch(`${url}/healthz`)).ok;
	} catch {
		return false;
	}
}

async function logIn(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/signin`);
	await page.locator('[data-test-id="emailOrLdapLoginId"] input, input[name="emailOrLdapLoginId"]').first().fill(DEFAULT_OWNER.email);
	await page.locator('[data-test-id="password"] input, input[name="password"]').first().fill(DEFAULT_OWNER.password);
	await page.locator('[data-test-id="form-submit-button"]').first().click();
	await page.waitForURL((current) => !current.pathname.startsWith('/signin'), { timeout: 30_000 });
}

async function openNodePanel(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/workflow/${EXAMPLES.rowsSms.id}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
	await node.waitFor({ timeout: 60_000 });
	// Run it first (a manual execution in the n8n server), so the panel shows rows in and message info out.
	await page.locator('[data-test-id="execute-workflow-button"]').first().click();
	const toast = page.getByText(/Workflow executed successfully/i).first();
	await toast.waitFor({ timeout: 60_000 });
	await page.locator('.el-notification__closeBtn').first().click().catch(() => undefined);
	await toast.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
	await node.dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 30_000 });
	await page.getByText('Send SMS').first().waitFor({ timeout: 30_000 });
	// The From list and credential check load after the panel opens.
	await page.waitForTimeout(2500);
}

async function main(): Promise<void> {
	const url = (process.argv[2] ?? 'http://127.0.0.1:5678').replace(/\/+$/, '');
	let stack: EditorStack | undefined;
	let editorUrl = url;
	if (!(await answers(url))) {
		console.log(`No editor at ${url}: starting one (npm run n8n's setup)…`);
		stack = await startEditor(() => undefined);
		editorUrl = stack.n8n.url;
	}
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-screenshot-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1280, height: 800 },
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await logIn(page, editorUrl);
		await openNodePanel(page, editorUrl);
		fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
		await page.screenshot({ path: OUTPUT });
		console.log(`Wrote ${path.relative(REPO_ROOT, OUTPUT)} (${Math.round(fs.statSync(OUTPUT).size / 1024)} KB)`);
	} catch (error) {
		const debug = path.join(os.tmpdir(), 'n8n-screenshot-failure.png');
		await context.pages()[0]?.screenshot({ path: debug }).catch(() => undefined);
		console.error(`Screenshot failed; the page at that moment: ${debug}`);
		throw error;
	} finally {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
		await stack?.stop();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
