// What the emulator sends to webhook addresses, as RingCentral does: the validation handshake and
// event deliveries (https://developers.ringcentral.com/guide/notifications/webhooks/creating-webhooks).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** RingCentral's rules for a webhook's answer: within 3000 ms, at most 1024 bytes with its headers. */
export const WEBHOOK_LIMITS = { answerTimeoutMs: 3000, maxAnswerBytes: 1024 };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * RingCentral delivers over HTTPS only (SUB-523). The emulator also takes http:// on a loopback
 * host, where tests run n8n; nothing else.
 */
export function acceptedAddress(address: string): 'ok' | 'invalid' | 'notHttps' {
	if (!URL.canParse(address)) return 'invalid';
	const url = new URL(address);
	if (url.protocol === 'https:') return 'ok';
	if (url.protocol === 'http:') return LOOPBACK.test(url.hostname) ? 'ok' : 'notHttps';
	return 'invalid';
}

export interface WebhookAnswer {
	/** null: no answer (refused, dropped, or later than the timeout). */
	status: number | null;
	/** Lowercase names. */
	headers: Record<string, string>;
	/** Status line, headers and body as they came over the wire. */
	bytes: number;
	ms: number;
	/** Why there was no answer. */
	error?: string;
}

function answerSize(res: IncomingMessage, bodyBytes: number): number {
	const statusLine = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ''}\r\n`.length;
	let headerBytes = 2; // the blank line
	for (let i = 0; i < res.rawHeaders.length; i += 2) headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
	return statusLine + headerBytes + bodyBytes;
}

/** One POST to a webhook address; never throws. */
export function postToWebhook(address: string, headers: Record<string, string>, body = '', timeoutMs = WEBHOOK_LIMITS.answerTimeoutMs): Promise<WebhookAnswer> {
	const started = Date.now();
	return new Promise((resolve) => {
		let settled = false;
		const finish = (answer: Omit<WebhookAnswer, 'ms'>) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve({ ...answer, ms: Date.now() - started });
		};
		const url = new URL(address);
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(url, { method: 'POST', headers: { 'Content-Length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
			let bodyBytes = 0;
			res.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
			res.on('end', () => {
				const flat: Record<string, string> = {};
				for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
				finish({ status: res.statusCode ?? null, headers: flat, bytes: answerSize(res, bodyBytes) });
			});
			res.on('error', (error) => finish({ status: null, headers: {}, bytes: 0, error: error.message }));
		});
		const timer = setTimeout(() => {
			finish({ status: null, headers: {}, bytes: 0, error: `no answer within ${timeoutMs} ms` });
			req.destroy();
		}, timeoutMs);
		req.on('error', (error) => finish({ status: null, headers: {}, bytes: 0, error: error.message }));
		req.end(body);
	});
}
