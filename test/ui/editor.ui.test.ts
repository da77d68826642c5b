/**
 * What a new user meets in n8n 2.41.1's editor, in a real browser (Debian's chromium), against
 * `npm run n8n`'s setup (the emulator, its credentials, the examples). One page walks through the
 * steps in order; each step writes its screenshot to docs/editor/ (the README shows them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';

import { byTestId, launchBrowser, logIn, overflows, screenshot, visibleOptions, waitUntil } from '../../dev/n8n/browser';
import { EXAMPLES, loadExample, REPO_ROOT, TRIGGER_TYPE } from '../../dev/n8n/examples';
import { describeE2e } from '../../dev/n8n/setup';
import { startEditor, type EditorStack } from '../../scripts/n8n-editor';

const SHOTS = path.join(REPO_ROOT, 'docs', 'editor');
const README = 'https://github.com/n8n-nodes-ringcentral/n8n-nodes-ringcentral';

describeE2e('The RingCentral nodes in the n8n editor', () => {
	let stack: EditorStack;
	let browser: Browser;
	let page: Page;
	let home: string;
	const shot = async (name: string, part?: Parameters<typeof screenshot>[2]) => {
		const kb = await screenshot(page, path.join(SHOTS, name), part);
		console.log(`docs/editor/${name}: ${kb} KB`);
	};
	const ndv = () => byTestId(page, 'ndv');
	const pickOption = async (parameter: string, option: string) => {
		await byTestId(ndv(), `parameter-input-${parameter}`).click();
		await visibleOptions(page).filter({ hasText: option }).first().click();
	};

	beforeAll(async () => {
		home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-ui-'));
		stack = await startEditor(() => undefined, { dir: home, ports: { editor: 0, emulator: 0, files: 0 } });
		browser = await launchBrowser();
		page = await (await browser.newContext({ viewport: { width: 1440, height: 860 } })).newPage();
		await logIn(page, stack.n8n.url);
	}, 180_000);

	afterAll(async () => {
		await browser?.close();
		await stack?.stop();
		if (home) fs.rmSync(home, { recursive: true, force: true });
	});

	test('searching "SMS" finds RingCentral, and its Send an SMS action opens the node', async () => {
		await page.goto(`${stack.n8n.url}/workflow/new`);
		// A first step to connect to, as a user starts: the manual trigger.
		await byTestId(page, 'canvas-add-button').click();
		await byTestId(page, 'node-creator-search-bar').fill('manual');
		await page.keyboard.press('Enter');
		await byTestId(page, 'canvas-handle-plus').click();
		await byTestId(page, 'node-creator-search-bar').fill('SMS');
		const found = byTestId(page, 'item-iterator-item').filter({ hasText: /^RingCentral/ }).first();
		await found.waitFor();
		await expect(found.locator('img').first().getAttribute('src')).resolves.toMatch(/ringcentral(\.dark)?\.svg$/);
		await found.click();
		const action = byTestId(page, 'item-iterator-item').filter({ hasText: 'Send an SMS' }).first();
		await action.waitFor();
		await shot('1-search-sms.png', byTestId(page, 'node-creator'));
		await action.click();
		await byTestId(ndv(), 'node-title-container').filter({ hasText: 'Send an SMS' }).waitFor();
	});

	test('the panel offers both credentials and takes the JWT one', async () => {
		await byTestId(ndv(), 'node-credentials-select').click();
		// The imported credentials (dev/n8n/examples.ts): JWT for the default Authentication, OAuth2 beside it.
		await byTestId(page, 'node-credentials-select-item-ringcentralOAuth').waitFor();
		await byTestId(page, 'node-credentials-select-item-ringcentralJwt01').click();
		await expect(byTestId(ndv(), 'node-credentials-select').locator('input').inputValue()).resolves.toBe('RingCentral JWT');
	});

	test("the From list shows the emulator's SMS numbers, and the picked one fits the field", async () => {
		await byTestId(ndv(), 'rlc-input').click();
		const entries = byTestId(page, 'rlc-item');
		await entries.first().waitFor();
		const smsNumbers = stack.emulator.options.phoneNumbers.filter((n) => n.features.includes('SmsSender')).map((n) => n.phoneNumber);
		const names = await entries.allInnerTexts();
		expect(names.map((name) => name.split(' ')[0])).toEqual(smsNumbers);
		expect(names[0]).toBe('+16505550100 · Main direct line');
		await shot('2-from-list.png', ndv());
		await entries.first().click();
		const field = byTestId(ndv(), 'rlc-input');
		await expect(field.inputValue()).resolves.toBe('+16505550100 · Main direct line');
		expect(await overflows(field)).toBe(false);
	});

	test('the credential test succeeds', async () => {
		await byTestId(ndv(), 'credential-edit-button').click();
		const dialog = byTestId(page, 'credential-edit-dialog');
		// The dialog tests the stored credential on opening; Retry runs the test again.
		const success = byTestId(dialog, 'credentials-config-container-test-success');
		await success.waitFor();
		// The credential's test request: GET /restapi/v1.0/account/~/extension/~ on the emulator.
		const testRequests = () => stack.emulator.requests({ method: 'GET', path: '/restapi/v1.0/account/~/extension/~' }).length;
		const before = testRequests();
		await dialog.locator('button[title="Retry credential test"]').click();
		await waitUntil(() => testRequests() > before, 'the credential test reached RingCentral');
		await dialog.locator('button[title="Retry credential test"]').filter({ hasText: 'Retry' }).waitFor();
		await expect(success.innerText()).resolves.toContain('Connection tested successfully');
		await shot('3-credential-test.png', page.locator('.el-dialog:visible').first());
		await page.locator('.el-dialog__headerbtn:visible').first().click();
		await dialog.waitFor({ state: 'hidden' });
	});

	test('executing the step sends the text and shows the message info, id and status first', async () => {
		await byTestId(ndv(), 'parameter-input-to').locator('input').fill('+14155550142');
		await byTestId(ndv(), 'parameter-input-text').locator('textarea').fill('Your table for 2 is ready. Reply STOP to opt out.');
		await byTestId(ndv(), 'node-execute-button').click();
		await byTestId(ndv(), 'node-run-status-success').waitFor();
		const table = byTestId(ndv(), 'output-panel').locator('table');
		await table.locator('th').first().waitFor();
		const headers = await table.locator('th').allInnerTexts();
		expect(headers.slice(0, 5).map((h) => h.trim())).toEqual(['id', 'messageStatus', 'to', 'from', 'subject']);
		const [sent] = stack.emulator.messages;
		expect(sent).toMatchObject({ from: '+16505550100', to: ['+14155550142'], text: 'Your table for 2 is ready. Reply STOP to opt out.' });
		await expect(table.locator('td').first().innerText()).resolves.toBe(String(sent.info.id));
		await page.locator('.el-notification__closeBtn').first().click().catch(() => undefined);
	});

	test("the panel's Docs link opens the README's Operations section", async () => {
		await expect(ndv().getByRole('link', { name: 'Docs' }).getAttribute('href')).resolves.toBe(`${README}#operations`);
	});

	test('a text over the limit is refused with an error that fits the output pane', async () => {
		const before = stack.emulator.messages.length;
		await byTestId(ndv(), 'parameter-input-text').locator('textarea').fill('x'.repeat(1200));
		await byTestId(ndv(), 'node-execute-button').click();
		const title = byTestId(ndv(), 'node-error-message').filter({ hasText: /^Invalid Text "x+…": 1200 characters/ });
		await title.waitFor();
		expect(await overflows(title)).toBe(false);
		expect(stack.emulator.messages.length).toBe(before);
		await page.locator('.el-notification__closeBtn').first().click().catch(() => undefined);
		await shot('4-text-too-long.png', ndv());
	});

	test('Custom API Call names the node readably and leads to the HTTP Request node', async () => {
		await pickOption('operation', 'Custom API Call');
		await ndv().getByText('Use the HTTP Request node to make a custom API call').waitFor();
		await expect(byTestId(ndv(), 'node-title-container').innerText()).resolves.toBe('Custom API call');
		await byTestId(ndv(), 'node-execute-button').click();
		const error = byTestId(ndv(), 'node-error-message');
		await error.filter({ hasText: 'Custom API Call is made with the HTTP Request node, not with this node' }).waitFor();
		await byTestId(ndv(), 'node-error-description').filter({ hasText: 'Predefined Credential Type' }).waitFor();
		await page.locator('.el-notification__closeBtn').first().click().catch(() => undefined);
		await shot('5-custom-api-call.png', ndv());
	});

	test('an example workflow executed from the canvas: three rows in, three messages out', async () => {
		// A page of its own: the workflow above is unsaved, and leaving it would ask.
		page = await page.context().newPage();
		const before = stack.emulator.messages.length;
		await page.goto(`${stack.n8n.url}/workflow/${EXAMPLES.rowsSms.id}`);
		await byTestId(page, 'execute-workflow-button').first().click();
		await page.getByText(/Workflow executed successfully/i).first().waitFor();
		expect(stack.emulator.messages.length).toBe(before + 3);
		await page.locator('.el-notification__closeBtn').first().click().catch(() => undefined);
		await page.locator('[data-test-id="canvas-node"][data-node-name="Send Reminder"]').dblclick();
		const rows = byTestId(ndv(), 'output-panel').locator('table tbody tr');
		await rows.nth(2).waitFor();
		await expect(rows.allInnerTexts()).resolves.toEqual([expect.stringContaining('Queued'), expect.stringContaining('Queued'), expect.stringContaining('Queued')]);
		await screenshot(page, path.join(REPO_ROOT, 'docs', 'node-panel.png'));
		await byTestId(ndv(), 'ndv-close-button').click();
	});

	test('the RingCentral Trigger shows its test and production webhook URLs', async () => {
		const trigger = loadExample('autoReply').nodes.find((node) => node.type === TRIGGER_TYPE)!;
		await page.goto(`${stack.n8n.url}/workflow/${EXAMPLES.autoReply.id}`);
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${trigger.name}"]`).dblclick();
		await ndv().getByText('Webhook URLs').click();
		const url = (kind: string) => `${stack.n8n.url}/${kind}/${trigger.webhookId}/webhook`;
		await ndv().getByText(url('webhook-test')).waitFor();
		await byTestId(ndv(), 'radio-button-production').click();
		await ndv().getByText(url('webhook')).waitFor();
		await expect(ndv().getByRole('link', { name: 'Docs' }).getAttribute('href')).resolves.toBe(`${README}#ringcentral-trigger`);
		await shot('6-trigger-webhook-urls.png', ndv());
	});
});
