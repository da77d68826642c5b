/**
 * A real browser on n8n's editor for the UI test (test/ui/): Debian's chromium driven by the
 * playwright-core devDependency (no browser download). CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

import { DEFAULT_OWNER } from './n8n';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

export async function launchBrowser(): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`No chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** The sign-in form, as a user fills it. */
export async function logIn(page: Page, url: string, owner = DEFAULT_OWNER): Promise<void> {
	await page.goto(`${url}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(owner.email);
	await page.locator('input[name="password"]').fill(owner.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((current) => !current.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** n8n's elements carry data-test-id (its own e2e tests use them). */
export const byTestId = (scope: Page | Locator, id: string): Locator => scope.locator(`[data-test-id="${id}"]`);

/** The open dropdown's options (element-plus selects render them outside the field). */
export const visibleOptions = (page: Page): Locator => page.locator('.el-select-dropdown__item:visible');

/** Whether an element's text runs past its box (what a user sees cut off or running off a pane). */
export async function overflows(locator: Locator): Promise<boolean> {
	return await locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
}

/** A PNG of the page or of one part of it, for docs/; returns its size in KB. */
export async function screenshot(page: Page, file: string, clip?: Locator): Promise<number> {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	// Buttons and toasts fade in and out (CSS transitions, which `animations` does not stop).
	await page.waitForTimeout(400);
	await (clip ?? page).screenshot({ path: file, animations: 'disabled' });
	return Math.round(fs.statSync(file).size / 1024);
}

/** Waits until `condition` holds (e.g. the emulator saw a request), or fails naming `what`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
