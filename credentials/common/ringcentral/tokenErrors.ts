/** Errors of the JWT credential's token requests, worded for the user and free of secrets. */
import type { ICredentialDataDecryptedObject, IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { readRingCentralError, scrubSecrets, secretsOf } from './apiErrors';
import { TOKEN_FIXES } from './fixes';

/**
 * Descriptions of RingCentralAuthError. n8n 1.x wraps it in a NodeApiError that keeps only its
 * message and description, so the description also tells the node what happened.
 */
export const AUTH_ERROR_DESCRIPTION = 'RingCentral did not issue an access token for the credential.';
export const UNREACHED_ERROR_DESCRIPTION = "RingCentral's token endpoint could not be reached.";

/**
 * Errors of the token endpoint, worded for the user; they never carry a secret. The fields avoid
 * the names n8n's NodeApiError reads as a status (status, code, httpCode…): it would replace this
 * message with a generic one such as "Authorization failed".
 */
export class RingCentralAuthError extends Error {
	name = 'RingCentralAuthError';

	readonly description: string;

	constructor(
		message: string,
		readonly responseStatus?: number,
		readonly ringCentralCode?: string,
		/** The token request never reached RingCentral (refused connection): safe to try again. */
		readonly unreached = false,
	) {
		super(message);
		this.description = unreached ? UNREACHED_ERROR_DESCRIPTION : AUTH_ERROR_DESCRIPTION;
	}
}

export function parseBody(body: unknown): IDataObject | undefined {
	if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return body as IDataObject;
	try {
		return JSON.parse(String(body)) as IDataObject;
	} catch {
		return undefined;
	}
}

/** The error for a token request RingCentral did not answer with a token. */
export function authErrorFrom(response: IN8nHttpFullResponse, credentials: ICredentialDataDecryptedObject): RingCentralAuthError {
	const status = response.statusCode;
	const scrub = (text: string) => scrubSecrets(text, secretsOf(credentials));
	if (status >= 300 && status < 400) {
		const location = String(response.headers.location ?? '');
		const host = URL.canParse(location) ? new URL(location).host : location ? 'another address' : 'no address';
		return new RingCentralAuthError(scrub(`RingCentral's token endpoint answered with a redirect (HTTP ${status} to ${host}). ${TOKEN_FIXES.redirect}`), status);
	}
	const body = parseBody(response.body) ?? {};
	const { errorCode, message } = readRingCentralError(body, status);
	let fix: string;
	let what = 'refused the credential';
	if (status === 429) {
		fix = TOKEN_FIXES.rateLimited;
		what = 'rate-limited the token request';
	} else if (status >= 500) {
		fix = TOKEN_FIXES.server;
		what = `could not issue a token (HTTP ${status})`;
	} else if (body.error === 'invalid_client' || status === 401) {
		fix = TOKEN_FIXES.client;
	} else if (body.error === 'unauthorized_client') {
		fix = TOKEN_FIXES.flow;
	} else {
		fix = TOKEN_FIXES.jwt;
	}
	return new RingCentralAuthError(scrub(`RingCentral ${what} (${errorCode}: ${message}). ${fix}`), status, errorCode);
}
