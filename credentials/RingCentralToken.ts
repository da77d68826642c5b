import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { resolveServerUrl } from './RingCentralServer';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** RingCentral's Auth group allows about 5 token requests a minute: wait out a 429, within reason. */
const MAX_TOKEN_WAIT_SECONDS = 90;
const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Errors of the token endpoint, worded for the user; they never carry a secret. The fields avoid
 * the names n8n's NodeApiError reads as a status (status, code, httpCode…): it would replace this
 * message with a generic one such as "Authorization failed".
 */
export class RingCentralAuthError extends Error {
	name = 'RingCentralAuthError';

	constructor(
		message: string,
		readonly responseStatus?: number,
		readonly ringCentralCode?: string,
		/** The token request never reached RingCentral (refused connection): safe to try again. */
		readonly unreached = false,
	) {
		super(message);
	}
}

/**
 * Which server, app and JWT a stored token belongs to. When the user edits the credential, the
 * stored token no longer matches: it is not sent (RingCentral answers 401 and n8n logs in anew
 * with the new values) and its refresh token is not used.
 */
export function sessionOwnerOf(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256')
		.update([credentials.server, credentials.customUrl, credentials.clientId, credentials.clientSecret, credentials.jwt].join('\n'))
		.digest('hex')
		.slice(0, 16);
}

/**
 * preAuthentication of the JWT credential: n8n calls it when the stored access token is empty or
 * was refused with 401. A still-valid refresh token is tried first, because every JWT login opens
 * a new RingCentral session and a user may hold only a few at once.
 */
export async function fetchJwtAccessToken(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const baseUrl = resolveServerUrl(credentials);
	const owner = sessionOwnerOf(credentials);
	if (credentials.refreshToken && credentials.sessionOwner === owner) {
		const refreshed = await requestToken(http, baseUrl, credentials, {
			grant_type: 'refresh_token',
			refresh_token: String(credentials.refreshToken),
		});
		// Refresh tokens are single use and expire: any refusal falls back to a JWT login.
		if (refreshed.statusCode === 200) return tokenFields(refreshed, owner);
	}
	const response = await requestToken(http, baseUrl, credentials, {
		grant_type: JWT_GRANT,
		assertion: String(credentials.jwt ?? ''),
	});
	if (response.statusCode !== 200) throw authErrorFrom(response);
	return tokenFields(response, owner);
}

function tokenFields(response: IN8nHttpFullResponse, owner: string): IDataObject {
	const body = response.body as IDataObject;
	if (typeof body?.access_token !== 'string' || body.access_token === '') {
		throw new RingCentralAuthError(
			'RingCentral answered the token request without an access token. Check the Server setting of the credential.',
			response.statusCode,
		);
	}
	return {
		accessToken: body.access_token,
		refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : '',
		sessionOwner: owner,
	};
}

async function requestToken(
	http: IHttpRequestHelper,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
	form: Record<string, string>,
): Promise<IN8nHttpFullResponse> {
	const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
	let waited = 0;
	for (;;) {
		let response: IN8nHttpFullResponse | undefined;
		let networkCode: string | undefined;
		try {
			response = (await http.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/restapi/oauth/token`,
				headers: {
					Authorization: `Basic ${basic}`,
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: new URLSearchParams(form).toString(),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 30_000,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			// The network error's request config holds the Basic header and the JWT: keep only its code.
			networkCode = (error as { code?: string }).code ?? 'unknown';
		}
		if (!response) {
			// n8n rewrites messages that contain a system error code, so the code is not quoted.
			throw new RingCentralAuthError(
				`Could not reach RingCentral at ${baseUrl} to get an access token (${networkProblem(networkCode)}). Check the credential's Server setting and the network.`,
				undefined,
				undefined,
				networkCode === 'ECONNREFUSED' || networkCode === 'EAI_AGAIN',
			);
		}
		if (response.statusCode !== 429) return response;
		const retryAfter = Number(response.headers['retry-after']) || DEFAULT_RETRY_AFTER_SECONDS;
		if (waited + retryAfter > MAX_TOKEN_WAIT_SECONDS) return response;
		waited += retryAfter;
		await sleep(retryAfter * 1000);
	}
}

function authErrorFrom(response: IN8nHttpFullResponse): RingCentralAuthError {
	const body = (typeof response.body === 'object' && response.body ? response.body : {}) as IDataObject;
	const first = (Array.isArray(body.errors) ? body.errors[0] : undefined) as IDataObject | undefined;
	const errorCode = String(first?.errorCode ?? body.errorCode ?? body.error ?? `HTTP ${response.statusCode}`);
	const detail = String(first?.message ?? body.error_description ?? body.message ?? 'no details');
	const status = response.statusCode;
	let fix: string;
	if (status === 429) {
		fix = 'RingCentral allows only a few token requests a minute. Wait a minute and try again.';
	} else if (body.error === 'invalid_client' || status === 401) {
		fix = "Copy the Client ID and Client Secret again from the app's Credentials page in the RingCentral Developer Console, and check the Server setting.";
	} else if (body.error === 'unauthorized_client') {
		fix = 'Enable the JWT auth flow for this app in the RingCentral Developer Console (Settings > Auth).';
	} else {
		fix = 'Generate a new JWT for this app (Developer Console > Credentials) and check that it was made for the selected Server and this Client ID.';
	}
	const what = status === 429 ? 'rate-limited' : 'refused';
	return new RingCentralAuthError(
		`RingCentral ${what} the credential (${errorCode}: ${detail}). ${fix}`,
		status,
		errorCode,
	);
}

/** Words for a network failure; n8n replaces messages that quote codes such as ECONNREFUSED. */
export function networkProblem(code: string | undefined): string {
	switch (code) {
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ECONNRESET':
		case 'EPIPE':
			return 'the connection was dropped';
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
			return 'no answer before the timeout';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the server name could not be resolved';
		default:
			return 'a network error';
	}
}
