/**
 * The RingCentral emulator in a child process, driven over IPC. The MMS memory bench measures the
 * RSS of the process that runs the node; an emulator in that same process would buffer every
 * 1.4 MB upload there too and blur the figure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';

import { receiveMessage, RingCentralEmulator, type EmulatorOptions } from '../dev/emulator';

/** What the parent needs to check the run: accepted messages and the send path's statuses. */
export interface EmulatorSummary {
	messages: { text?: string; attachments: { sha256: string; size: number }[] }[];
	sendStatuses: (number | null)[];
	tokenRequests: number;
	/** High Volume SMS: statuses and body sizes (bytes of JSON) of the batch requests, messages stored. */
	batchStatuses: (number | null)[];
	batchBodyBytes: number[];
	a2pMessages: number;
}

type Request = { type: 'summary' } | { type: 'stop' } | ReceiveRequest;

/** Received MMS made inside the emulator process, so their bytes never touch the measured one. */
interface ReceiveRequest {
	type: 'receive';
	count: number;
	bytes: number;
	contentType: string;
}

export interface ReceivedFile {
	messageId: string;
	fileName: string;
	sha256: string;
}

function receive(emulator: RingCentralEmulator, request: ReceiveRequest): ReceivedFile[] {
	return Array.from({ length: request.count }, (_, i) => {
		const bytes = randomBytes(request.bytes);
		const fileName = `photo-${i}.jpg`;
		const stored = receiveMessage(emulator, { from: '+14155550177', files: [{ bytes, contentType: request.contentType, fileName }] });
		return { messageId: stored.id, fileName, sha256: createHash('sha256').update(bytes).digest('hex') };
	});
}

function summarize(emulator: RingCentralEmulator): EmulatorSummary {
	return {
		messages: emulator.messages.map((m) => ({ text: m.text, attachments: m.attachments.map(({ sha256, size }) => ({ sha256, size })) })),
		sendStatuses: emulator.requests({ method: 'POST', path: /\/(sms|mms)$/ }).map((entry) => entry.status),
		tokenRequests: emulator.tokenRequests().length,
		batchStatuses: emulator.requests({ method: 'POST', path: /\/a2p-sms\/batches$/ }).map((entry) => entry.status),
		batchBodyBytes: emulator.requests({ method: 'POST', path: /\/a2p-sms\/batches$/ }).map((entry) => Buffer.byteLength(JSON.stringify(entry.body ?? null))),
		a2pMessages: emulator.a2p.messages.length,
	};
}

async function serve(options: EmulatorOptions): Promise<void> {
	const emulator = await RingCentralEmulator.start(options);
	process.on('message', (request: Request) => {
		if (request.type === 'summary') process.send!({ type: 'summary', summary: summarize(emulator) });
		if (request.type === 'receive') process.send!({ type: 'received', files: receive(emulator, request) });
		if (request.type === 'stop') void emulator.stop().then(() => process.exit(0));
	});
	// The parent died without saying stop: do not linger.
	process.on('disconnect', () => void emulator.stop().then(() => process.exit(0)));
	process.send!({ type: 'ready', url: emulator.url });
}

export interface RemoteEmulator {
	url: string;
	pid: number;
	summary(): Promise<EmulatorSummary>;
	/** Stores `count` received MMS of one random file of `bytes` each. */
	receive(count: number, bytes: number, contentType: string): Promise<ReceivedFile[]>;
	stop(): Promise<void>;
}

/** Forks this file; the child inherits tsx's loader flags from process.execArgv. */
export async function startRemoteEmulator(options: EmulatorOptions = {}): Promise<RemoteEmulator> {
	const child: ChildProcess = fork(__filename, ['--serve', JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const next = <T>(type: string) =>
		new Promise<T>((resolve, reject) => {
			const onMessage = (message: { type: string } & T) => {
				if (message.type !== type) return;
				child.off('message', onMessage);
				resolve(message);
			};
			child.on('message', onMessage);
			child.once('exit', (code) => reject(new Error(`emulator process exited (${code})`)));
		});
	const { url } = await next<{ url: string }>('ready');
	return {
		url,
		pid: child.pid!,
		async summary() {
			const reply = next<{ summary: EmulatorSummary }>('summary');
			child.send({ type: 'summary' });
			return (await reply).summary;
		},
		async receive(count: number, bytes: number, contentType: string) {
			const reply = next<{ files: ReceivedFile[] }>('received');
			child.send({ type: 'receive', count, bytes, contentType } satisfies ReceiveRequest);
			return (await reply).files;
		},
		async stop() {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.send({ type: 'stop' });
			await exited;
		},
	};
}

if (require.main === module && process.argv[2] === '--serve') {
	serve(JSON.parse(process.argv[3] ?? '{}') as EmulatorOptions).catch((error: Error) => {
		console.error(`emulator host failed: ${error.message}`);
		process.exit(1);
	});
}
