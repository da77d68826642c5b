/** The JWT credential's token: exchange, refresh, one token request per burst, Retry-After kept. */
import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IN8nHttpFullResponse } from 'n8n-workflow';

import { displayUrl, networkProblem, neverReached, retryAfterSeconds } from './apiErrors';
import { resolveServerUrl } from './server';
import { leaseField, tokenAfterRefusedRefresh, tokenFromOtherProcess, tokenIssuedAt } from './sharedToken';
import { sleepMs } from './sleep';
import { RingCentralAuthError, authErrorFrom, parseBody } from './tokenErrors';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** How long a token request may wait and take; the node hands its own Options, others get these. */
export interface TokenPolicy {
	maxRateLimitWaitMs: number;
	timeoutMs: number;
}

/** RingCentral's Auth group allows about 5 token requests a minute: wait out a 429, within reason. */
export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxRateLimitWaitMs: 90_000, timeoutMs: 30_000 };

/** The node's Options for the token requests made on behalf of one credential data object. */
const policies = new WeakMap<object, TokenPolicy>();

export function useTokenPolicy(credentials: ICredentialDataDecryptedObject, policy: TokenPolicy): void {
	policies.set(credentials, policy);
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

interface IssuedToken {
	/** What n8n stores on the credential. */
	fields: IDataObject;
	expiresInSeconds: number;
}

interface Flight {
	/** The access token this request replaces ('' at a cold start). */
	replaces: string;
	promise: Promise<IssuedToken>;
	result?: IDataObject;
	/** Until when the result may be handed to a late caller that still holds the replaced token. */
	reusableUntil?: number;
}

/** One token request per session owner at a time, shared by every execution this n8n instance runs. */
const flights = new Map<string, Flight>();

/**
 * preAuthentication of the JWT credential: n8n calls it when the stored access token is empty or
 * was refused with 401. Executions that arrive together (a webhook burst at a cold start or at
 * expiry) share one token request: RingCentral allows about 5 a minute and keeps about 5 sessions
 * per user, and its refresh tokens are single use.
 */
export async function fetchJwtAccessToken(http: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	const owner = sessionOwnerOf(credentials);
	const presented = String(credentials.accessToken ?? '');
	const flight = flights.get(owner);
	if (flight && !flight.result) return { ...(await flight.promise).fields };
	if (flight?.result && lateTo(flight, credentials) && Date.now() < (flight.reusableUntil ?? 0)) return { ...flight.result };
	const next: Flight = { replaces: presented, promise: requestAccessToken(http, credentials, owner) };
	flights.set(owner, next);
	next.promise.then(
		(issued) => {
			next.result = issued.fields;
			// Not when about to expire: 60 s before, or a quarter of a short life.
			next.reusableUntil = Date.now() + (issued.expiresInSeconds - Math.min(60, issued.expiresInSeconds / 4)) * 1000;
		},
		// A failed request is not shared with later callers: the next one tries again.
		() => flights.get(owner) === next && flights.delete(owner),
	);
	return { ...(await next.promise).fields };
}

/**
 * A caller is late to a burst this process already served when it holds an older token than the
 * one obtained: none at all (its copy of the credential was read before the new token was stored,
 * as in a queue-mode worker at a cold start), the token just replaced, or one before it. It gets
 * the new token: a second JWT login would open another session, a second refresh would be refused.
 */
function lateTo(flight: Flight, credentials: ICredentialDataDecryptedObject): boolean {
	const presented = String(credentials.accessToken ?? '');
	return presented === '' || presented === flight.replaces || tokenIssuedAt(credentials) < tokenIssuedAt(flight.result!);
}

/**
 * A token another n8n process (queue mode) stored is taken first; then a still-valid refresh token
 * is tried: every JWT login opens a new RingCentral session.
 */
async function requestAccessToken(http: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, owner: string): Promise<IssuedToken> {
	const { adopted, latest } = await tokenFromOtherProcess(credentials, owner);
	if (adopted) return adopted;
	const baseUrl = resolveServerUrl(credentials);
	if (latest.refreshToken && latest.sessionOwner === owner) {
		const refreshed = await requestToken(http, baseUrl, credentials, owner, { grant_type: 'refresh_token', refresh_token: String(latest.refreshToken) });
		if (refreshed.statusCode === 200) return tokenFields(refreshed, owner);
		// Refresh tokens are single use: another process may have just spent this one. Else log in.
		if (refreshed.statusCode !== 429) {
			const taken = await tokenAfterRefusedRefresh(credentials, latest, owner);
			if (taken) return taken;
		}
	}
	const response = await requestToken(http, baseUrl, credentials, owner, { grant_type: JWT_GRANT, assertion: String(credentials.jwt ?? '') });
	if (response.statusCode !== 200) throw authErrorFrom(response, credentials);
	return tokenFields(response, owner);
}

function tokenFields(response: IN8nHttpFullResponse, owner: string): IssuedToken {
	const body = parseBody(response.body);
	if (typeof body?.access_token !== 'string' || body.access_token === '') {
		throw new RingCentralAuthError('RingCentral answered the token request without an access token. Check the Server setting of the credential.', response.statusCode);
	}
	const expiresInSeconds = Number(body.expires_in) || 3600;
	return {
		fields: {
			accessToken: body.access_token,
			refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : '',
			sessionOwner: owner,
			...leaseField(expiresInSeconds),
		},
		expiresInSeconds,
	};
}

/**
 * A 429 of the token endpoint and until when its Retry-After holds, per session owner: a run that
 * cannot wait that long fails at once with that answer instead of asking again (item after item
 * under Continue On Fail would otherwise keep RingCentral's penalty going).
 */
const pauses = new Map<string, { until: number; response: IN8nHttpFullResponse }>();

async function requestToken(
	http: IHttpRequestHelper,
	baseUrl: string,
	credentials: ICredentialDataDecryptedObject,
	owner: string,
	form: Record<string, string>,
): Promise<IN8nHttpFullResponse> {
	const policy = policies.get(credentials) ?? DEFAULT_TOKEN_POLICY;
	const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
	const deadline = Date.now() + policy.maxRateLimitWaitMs;
	for (;;) {
		const pause = pauses.get(owner);
		if (pause && pause.until > Date.now()) {
			if (pause.until > deadline) return pause.response;
			await sleepMs(pause.until - Date.now());
		}
		let response: IN8nHttpFullResponse | undefined;
		let networkCode: string | undefined;
		try {
			response = (await http.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/restapi/oauth/token`,
				headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: new URLSearchParams(form).toString(),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// The Basic value and the JWT go to RingCentral's token endpoint and nowhere else.
				disableFollowRedirect: true,
				timeout: policy.timeoutMs,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			// The network error's request config holds the Basic header and the JWT: keep only its code.
			networkCode = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? 'unknown';
		}
		if (!response) {
			// n8n rewrites messages that contain a system error code, so the code is not quoted.
			throw new RingCentralAuthError(
				`Could not reach RingCentral at ${displayUrl(baseUrl)} to get an access token (${networkProblem(networkCode)}). Check the credential's Server setting and the network.`,
				undefined,
				undefined,
				neverReached(networkCode),
			);
		}
		if (response.statusCode !== 429) return response;
		const waitMs = retryAfterSeconds(response.headers) * 1000;
		pauses.set(owner, { until: Date.now() + waitMs, response });
		if (Date.now() + waitMs > deadline) return response;
		await sleepMs(waitMs);
	}
}
