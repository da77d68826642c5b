// Raw HTTP calls to an emulator for tests of its wire behaviour: token requests, JSON and hand-built multipart sends.
import { createHash } from 'node:crypto';

import { DEFAULT_FROM, EMULATOR_DEFAULTS } from './fixtures';

export const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const SMS_PATH = '/restapi/v1.0/account/~/extension/~/sms';
export const MMS_PATH = '/restapi/v1.0/account/~/extension/~/mms';
export const TO = '+14155550100';

/** Anything with the emulator's base URL. */
export interface Target {
	url: string;
}

export function basic(id = EMULATOR_DEFAULTS.clientId, secret = EMULATOR_DEFAULTS.clientSecret): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON body (loosely typed: tests read deep fields). */
	json: any;
}

export async function call(emu: Target, urlPath: string, init: RequestInit = {}): Promise<Reply> {
	const res = await fetch(`${emu.url}${urlPath}`, { redirect: 'manual', ...init });
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export function tokenRequest(emu: Target, form: Record<string, string>, authorization: string | null = basic()) {
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
	if (authorization) headers.Authorization = authorization;
	return call(emu, '/restapi/oauth/token', { method: 'POST', headers, body: new URLSearchParams(form).toString() });
}

/** A JWT login; throws unless the token endpoint answers 200. */
export async function login(emu: Target): Promise<string> {
	const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
	if (reply.status !== 200) throw new Error(`JWT login answered ${reply.status}: ${reply.text}`);
	return reply.json.access_token;
}

export function sendJson(emu: Target, token: string, body: unknown, urlPath = SMS_PATH, init: RequestInit = {}) {
	return call(emu, urlPath, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
		...init,
	});
}

export interface RawPart {
	headers: Record<string, string>;
	data: Buffer | string;
}

/** A hand-built multipart body, so tests control every byte. */
export function multipartBody(boundary: string, parts: RawPart[]): Buffer {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const head = Object.entries(part.headers)
			.map(([k, v]) => `${k}: ${v}\r\n`)
			.join('');
		chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(chunks);
}

export function jsonPart(body: unknown): RawPart {
	return {
		headers: {
			'Content-Disposition': 'form-data; name="json"; filename="request.json"',
			'Content-Type': 'application/json',
		},
		data: JSON.stringify(body),
	};
}

export function filePart(fileName: string | undefined, contentType: string, data: Buffer | string): RawPart {
	const disposition = fileName === undefined ? 'form-data; name="attachment"' : `form-data; name="attachment"; filename="${fileName}"`;
	return { headers: { 'Content-Disposition': disposition, 'Content-Type': contentType }, data };
}

export function sendMultipart(emu: Target, token: string, parts: RawPart[], urlPath = MMS_PATH, type = 'multipart/form-data') {
	const boundary = 'emulator-test-boundary-7f3a';
	return call(emu, urlPath, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': `${type}; boundary=${boundary}` },
		body: multipartBody(boundary, parts),
	});
}

export const mmsRequest = (from = DEFAULT_FROM) => ({ from: { phoneNumber: from }, to: [{ phoneNumber: TO }], text: 'Look' });
export const smsRequest = (text = 'Hello') => ({ from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: TO }], text });
