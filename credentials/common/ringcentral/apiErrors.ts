/** RingCentral platform knowledge shared by the credentials and the node: error bodies, Retry-After, network failures, secrets. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

export interface RingCentralErrorInfo {
	errorCode: string;
	message: string;
	parameterName?: string;
}

/**
 * RingCentral's error body (https://developers.ringcentral.com/guide/basics/errors): the precise
 * code is in errors[0]; older and OAuth answers only have top-level fields (error, error_description).
 */
export function readRingCentralError(body: unknown, status: number): RingCentralErrorInfo {
	let parsed = body;
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		try {
			parsed = JSON.parse(String(body));
		} catch {
			parsed = undefined;
		}
	}
	const data = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as IDataObject;
	const first = (Array.isArray(data.errors) ? data.errors[0] : undefined) as IDataObject | undefined;
	const pick = (key: string) => {
		const value = first?.[key] ?? data[key];
		return typeof value === 'string' && value !== '' ? value : undefined;
	};
	return {
		errorCode: pick('errorCode') ?? pick('error') ?? `HTTP ${status}`,
		message: pick('message') ?? pick('error_description') ?? 'RingCentral gave no details',
		parameterName: pick('parameterName'),
	};
}

/** RingCentral advises waiting 30 s or more when a 429 comes without Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;
/** A request sent during the penalty restarts it: never retry sooner than this. */
export const MIN_RETRY_AFTER_SECONDS = 1;

/** Retry-After in seconds (RFC 9110: delay-seconds or an HTTP date), at least 1 s, 30 s when absent or unreadable. */
export function retryAfterSeconds(headers: Record<string, unknown>, now = Date.now()): number {
	const raw = headers['retry-after'];
	const text = Array.isArray(raw) ? String(raw[0]) : raw === undefined || raw === null ? '' : String(raw).trim();
	if (text === '') return DEFAULT_RETRY_AFTER_SECONDS;
	let seconds = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
	if (Number.isNaN(seconds)) {
		const date = Date.parse(text);
		if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_SECONDS;
		seconds = (date - now) / 1000;
	}
	return Math.max(MIN_RETRY_AFTER_SECONDS, Math.ceil(seconds));
}

/** Network error codes that prove the request never reached RingCentral: trying again cannot send twice. */
const NEVER_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export function neverReached(code: string | undefined): boolean {
	return code !== undefined && NEVER_REACHED.has(code);
}

/** Words for a network failure; n8n replaces messages that quote codes such as ECONNREFUSED. */
export function networkProblem(code: string | undefined): string {
	switch (code) {
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ECONNRESET':
		case 'EPIPE':
		case 'ERR_STREAM_PREMATURE_CLOSE':
			return 'the connection was dropped';
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
		case 'ERR_CANCELED':
		case 'ABORT_ERR':
			return 'no complete answer before the timeout';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the server name could not be resolved';
		default:
			return 'a network error';
	}
}

const REDACTED = '[redacted]';
/** Shorter strings are too common to be worth scrubbing (and would mangle ordinary text). */
const MIN_SECRET_LENGTH = 6;

/**
 * Every secret a RingCentral credential holds, in the forms a server might echo: client secret,
 * JWT (and each of its parts), access and refresh tokens, the Basic value, a password in a URL.
 */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	if (!credentials) return [];
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const values = [credentials.clientSecret, credentials.jwt, credentials.accessToken, credentials.refreshToken, token.access_token, token.refresh_token]
		.filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH);
	const found = new Set<string>();
	for (const value of values) {
		found.add(value);
		for (const part of value.split('.')) if (part.length >= 16) found.add(part);
	}
	if (typeof credentials.clientId === 'string' && typeof credentials.clientSecret === 'string' && credentials.clientSecret !== '') {
		found.add(Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64'));
	}
	const url = String(credentials.customUrl ?? '');
	const password = /^[a-z][a-z\d+.-]*:\/\/[^/@:]*:([^/@]+)@/i.exec(url)?.[1];
	if (password) found.add(password);
	for (const value of [...found]) {
		found.add(encodeURIComponent(value));
	}
	// Longest first, so a secret that contains another is removed whole.
	return [...found].filter((value) => value.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** The text with every given secret replaced by [redacted]. */
export function scrubSecrets(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
	return result;
}

/** A URL as it may be shown: user name and password removed, even when the URL does not parse. */
export function displayUrl(raw: string): string {
	return raw.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/@]*@/i, '$1');
}
