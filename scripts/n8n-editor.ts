/**
 * `npm run n8n`: a real n8n 2.41.1 editor with this package installed, wired to the bundled
 * RingCentral emulator, ready to click through. One command: installs n8n on first use (about
 * 5 min), starts the emulator and a local file server, creates a fresh n8n folder under the cache,
 * installs the package as a community package, imports a JWT credential (and an OAuth2 one to
 * connect) pointing at the emulator plus the example workflows, creates the owner, starts
 * `n8n start` on 127.0.0.1 and prints where to go. Ctrl+C stops everything.
 *
 * Ports: N8N_EDITOR_PORT (5678), RINGCENTRAL_EMULATOR_PORT (18181), N8N_FILES_PORT (18182).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { RingCentralEmulator } from '../dev/emulator';
import {
	EXAMPLES,
	EXAMPLES_DIR,
	jwtCredential,
	loadExample,
	oauth2Credential,
	withDownloadUrl,
	withServer,
} from '../dev/n8n/examples';
import { startFileServer, type FileServer } from '../dev/n8n/fileServer';
import { activateWorkflow, DEFAULT_OWNER, setupOwnerAndLogin, startN8n, type N8nInstance, type RestClient } from '../dev/n8n/n8n';
import { emulatorAccess, prepareN8n } from '../dev/n8n/setup';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** Same cache folder as scripts/ensure-n8n.sh. */
const CACHE = process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-ringcentral');

export interface EditorStack {
	n8n: N8nInstance;
	client: RestClient;
	emulator: RingCentralEmulator;
	files: FileServer;
	stop(): Promise<void>;
}

export interface EditorOptions {
	/** n8n's user folder, emptied first; default `editor-home` in the cache. */
	dir?: string;
	/** Ports of n8n, the emulator and the file server; 0 takes a free one. Default: the environment, then 5678, 18181, 18182. */
	ports?: { editor: number; emulator: number; files: number };
}

export async function startEditor(log: (line: string) => void = console.log, options: EditorOptions = {}): Promise<EditorStack> {
	const ports = options.ports ?? {
		editor: port('N8N_EDITOR_PORT', 5678),
		emulator: port('RINGCENTRAL_EMULATOR_PORT', 18181),
		files: port('N8N_FILES_PORT', 18182),
	};
	const emulator = await RingCentralEmulator.start({ port: ports.emulator });
	const files = await startFileServer(path.join(EXAMPLES_DIR, 'files'), ports.files);
	let n8n: N8nInstance | undefined;
	const stop = async () => {
		await n8n?.stop();
		await files.stop();
		await emulator.stop();
	};
	try {
		// Fresh every time, so the examples and credentials always match this checkout.
		const dir = options.dir ?? path.join(CACHE, 'editor-home');
		fs.rmSync(dir, { recursive: true, force: true });
		log(`Preparing n8n in ${dir} (first run installs n8n: about 5 min)…`);
		const access = emulatorAccess(emulator);
		const home = await prepareN8n({
			dir,
			port: ports.editor || undefined,
			credentials: [jwtCredential(access), oauth2Credential(access)],
			workflows: [
				loadExample('rowsSms'),
				loadExample('vcardMms'),
				withDownloadUrl(loadExample('downloadMms'), `${files.url}/hello.png`),
				loadExample('webhookSms'),
				loadExample('sendWait'),
				loadExample('campaignOptOuts'),
				loadExample('autoReply'),
				withServer(loadExample('callAnyApi'), emulator.url),
			],
		});
		n8n = await startN8n(home, { logFile: path.join(dir, 'n8n.log') });
		const client = await setupOwnerAndLogin(n8n);
		await activateWorkflow(client, EXAMPLES.webhookSms.id);
		await activateWorkflow(client, EXAMPLES.autoReply.id);
		return { n8n, client, emulator, files, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

function printWelcome({ n8n, emulator }: EditorStack): void {
	const workflow = (id: string) => `${n8n.url}/workflow/${id}`;
	console.log(`
n8n 2.41.1 with n8n-nodes-ringcentral is running.

  Editor:    ${n8n.url}
  Login:     ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}

  Open first: ${workflow(EXAMPLES.rowsSms.id)}
    (appointment reminders: click "Execute workflow", then open "Send Reminder")
  Also:       ${workflow(EXAMPLES.vcardMms.id)}   (vCard by MMS)
              ${workflow(EXAMPLES.downloadMms.id)}   (downloaded picture by MMS)
              ${workflow(EXAMPLES.webhookSms.id)}   (CRM webhook, published)
              ${workflow(EXAMPLES.autoReply.id)}   (RingCentral Trigger: auto-reply, published)

  Try the webhook:
    curl -s -X POST ${n8n.url}/webhook/${EXAMPLES.webhookSms.webhookPath} -H 'content-type: application/json' \\
      -d '{"contact":{"firstName":"Ann","phone":"+14155550142"},"deal":{"name":"Acme renewal","stage":"Proposal"}}'

  Text the auto-reply workflow (as if a customer texted your RingCentral number):
    curl -s -X POST ${emulator.url}/emulator/inbound-sms -H 'content-type: application/json' \\
      -d '{"from":"+14155550142","text":"Is my order ready?"}'

  Credentials: "RingCentral JWT" (ready) and "RingCentral OAuth2" (press Connect; the emulator
  consents at once). Both point at the RingCentral emulator on ${emulator.url}.
  n8n log: ${n8n.logFile}

Press Ctrl+C to stop n8n and the emulator.
`);
}

async function main(): Promise<void> {
	const stack = await startEditor();
	printWelcome(stack);
	const shutdown = (signal: string) => {
		console.log(`\n${signal}: stopping n8n and the emulator…`);
		stack.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => shutdown('SIGINT'));
	process.once('SIGTERM', () => shutdown('SIGTERM'));
	// Report what the emulator receives while the user clicks around.
	let seen = 0;
	setInterval(() => {
		for (const message of stack.emulator.messages.slice(seen)) {
			const files = message.attachments.map((a) => a.fileName ?? a.contentType).join(', ');
			console.log(`[emulator] message ${message.id} to ${message.to.join(', ')}: ${message.text ?? ''}${files ? ` [${files}]` : ''}`);
		}
		seen = stack.emulator.messages.length;
	}, 500);
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`npm run n8n failed: ${error.message}`);
		process.exit(1);
	});
}
