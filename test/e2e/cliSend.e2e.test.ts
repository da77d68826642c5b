/**
 * The examples run by `n8n execute --id` in a real n8n: what the emulator received must be
 * exactly what the workflows describe, files byte for byte.
 */
import * as fs from 'fs';
import * as path from 'path';

import { RingCentralEmulator } from '../../dev/emulator';
import { EXAMPLES, EXAMPLES_DIR, HELLO_PNG, jwtCredential, loadExample, withDownloadUrl } from '../../dev/n8n/examples';
import { startFileServer, type FileServer } from '../../dev/n8n/fileServer';
import type { N8nHome } from '../../dev/n8n/n8n';
import {
	describeE2e,
	disposeN8n,
	emulatorAccess,
	expectSucceeded,
	nodeOutput,
	prepareN8n,
	runWorkflow,
	sha256,
	storedBinary,
} from '../../dev/n8n/setup';

describeE2e('examples executed by the n8n CLI', () => {
	let emulator: RingCentralEmulator;
	let files: FileServer;
	let home: N8nHome;

	beforeAll(async () => {
		emulator = await RingCentralEmulator.start();
		files = await startFileServer(path.join(EXAMPLES_DIR, 'files'));
		home = await prepareN8n({
			credentials: [jwtCredential(emulatorAccess(emulator))],
			workflows: [
				loadExample('rowsSms'),
				loadExample('vcardMms'),
				withDownloadUrl(loadExample('downloadMms'), `${files.url}/hello.png`),
			],
		});
	}, 120_000);

	afterAll(async () => {
		await emulator?.stop();
		await files?.stop();
		disposeN8n(home);
	});

	beforeEach(() => emulator.reset());

	test('rows → Send SMS: one SMS per row, numbers normalised, text from the row', async () => {
		const result = await runWorkflow(home, EXAMPLES.rowsSms.id);
		expectSucceeded(result);

		const rows = nodeOutput(result.run, 'Appointments (replace with your sheet)').map((item) => item.json);
		expect(rows).toHaveLength(3);
		expect(emulator.messages.map((m) => ({ from: m.from, to: m.to, text: m.text }))).toEqual([
			{ from: '+16505550100', to: ['+14155550101'], text: `Hi Ann, this is a reminder of your appointment on ${rows[0].appointment}.` },
			{ from: '+16505550100', to: ['+14155550102'], text: `Hi Bob, this is a reminder of your appointment on ${rows[1].appointment}.` },
			{ from: '+16505550100', to: ['+14155550103'], text: `Hi Cleo, this is a reminder of your appointment on ${rows[2].appointment}.` },
		]);
		// The node's output is RingCentral's message info, one item per row.
		const sent = nodeOutput(result.run, 'Send Reminder').map((item) => item.json);
		expect(sent.map((info) => String(info.id))).toEqual(emulator.messages.map((m) => m.id));
		expect(sent.every((info) => info.messageStatus === 'Queued')).toBe(true);
	});

	test('vCard made by Convert to File → Send MMS: the JSON part, then the exact bytes n8n made', async () => {
		const result = await runWorkflow(home, EXAMPLES.vcardMms.id);
		expectSucceeded(result);

		const [made] = nodeOutput(result.run, 'vCard File');
		const bytes = storedBinary(home, made.binary!.data.id);
		expect(bytes.toString('utf8')).toMatch(/^BEGIN:VCARD\r\n[\s\S]*END:VCARD\r\n$/);

		expect(emulator.messages).toHaveLength(1);
		const [request] = emulator.requests({ method: 'POST', path: /\/mms$/ });
		expect(request.parts!.map((p) => p.contentType)).toEqual(['application/json', 'text/vcard']);
		expect(request.parts![1]).toMatchObject({ fileName: 'dana-example.vcf', size: bytes.length, sha256: sha256(bytes) });
		expect(request.body).toMatchObject({ from: { phoneNumber: '+16505550100' }, to: [{ phoneNumber: '+14155550101' }] });
		expect(emulator.messages[0].attachments.map((a) => a.sha256)).toEqual([sha256(bytes)]);
	});

	test('downloaded picture → Send MMS: the attachment is the downloaded file', async () => {
		const result = await runWorkflow(home, EXAMPLES.downloadMms.id);
		expectSucceeded(result);
		expect(files.requests).toContain('GET /hello.png');

		const [downloaded] = nodeOutput(result.run, 'Download Picture');
		const bytes = storedBinary(home, downloaded.binary!.data.id);
		expect(bytes.equals(fs.readFileSync(HELLO_PNG))).toBe(true);

		expect(emulator.messages).toHaveLength(1);
		const [request] = emulator.requests({ method: 'POST', path: /\/mms$/ });
		expect(request.parts!.map((p) => p.name)).toEqual(['json', 'attachment']);
		expect(request.parts![1]).toMatchObject({ contentType: 'image/png', fileName: 'hello.png', sha256: sha256(bytes) });
		expect(emulator.messages[0].text).toBe('Here is the picture you asked for.');
	});
});
