import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { resolveServerUrl } from '../../../credentials/RingCentralServer';
import { authError, connectionError, rateLimitError, ringCentralApiError, uncertainOutcome } from './errors';
import { pacerFor } from './rateLimitPacer';

export { mayHaveBeenSent } from './errors';

export type RingCentralContext = IExecuteFunctions | ILoadOptionsFunctions;

/** How hard to try before an item fails. */
export interface RequestPolicy {
	/** Total time the request may wait for RingCentral's rate limits. */
	maxRateLimitWaitMs: number;
	/** Resend after a 5xx, though RingCentral may already have sent the message. */
	retryOnServerErrors: boolean;
	timeoutMs: number;
}

export const DEFAULT_POLICY: RequestPolicy = {
	maxRateLimitWaitMs: 300_000,
	retryOnServerErrors: false,
	timeoutMs: 60_000,
};

export interface ApiRequest {
	method: 'GET' | 'POST';
	/** Path below the server, e.g. /restapi/v1.0/account/~/extension/~/sms */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | FormData;
	itemIndex?: number;
	/** Names the message in errors that leave its fate open, e.g. SMS to +14155550100 "Hello…". */
	about?: string;
}

const MAX_RETRIES = 3;
const backoffMs = (attempt: number) => 1000 * 2 ** attempt;

/**
 * The node's one way to RingCentral: authentication (by n8n, which refreshes an expired token
 * and replays the request once), pacing by RingCentral's rate-limit headers, retries only when
 * a message certainly was not processed, and errors that say what to do.
 */
export async function ringCentralApiRequest(
	this: RingCentralContext,
	credentialType: string,
	request: ApiRequest,
	policy: RequestPolicy = DEFAULT_POLICY,
): Promise<IDataObject> {
	const node = this.getNode();
	const { itemIndex, about } = request;
	const { baseUrl, decrypted } = await runCredential(this, credentialType, itemIndex);
	const idempotent = request.method === 'GET';
	const group = idempotent ? 'light' : 'medium';
	const credentialId = node.credentials?.[credentialType]?.id ?? node.name;
	const pacer = pacerFor(`${credentialType}:${credentialId}:${baseUrl}:${group}`);
	const deadline = Date.now() + policy.maxRateLimitWaitMs;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body as IHttpRequestOptions['body'],
		json: !(request.body instanceof FormData),
		returnFullResponse: true,
		// Every status comes back for the node to judge, except 401: n8n must see it to refresh the token.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
		timeout: policy.timeoutMs,
	};

	let retries = 0;
	for (;;) {
		const tooLongMs = await pacer.acquire(deadline - Date.now());
		if (tooLongMs > 0) throw rateLimitError(node, itemIndex, policy, tooLongMs, about);
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				{ ...options },
				decrypted ? { credentialsDecrypted: decrypted } : undefined,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			pacer.release();
			const failure = describeFailure(error);
			if (failure.status !== undefined) {
				throw ringCentralApiError(node, itemIndex, failure.status, failure.body);
			}
			if (failure.authMessage && !failure.unreached) throw authError(node, itemIndex, failure.authMessage, failure.authStatus);
			const retryable = failure.unreached || idempotent;
			if (retryable && retries < MAX_RETRIES && Date.now() + backoffMs(retries) < deadline) {
				await sleep(backoffMs(retries++));
				continue;
			}
			if (failure.authMessage) throw authError(node, itemIndex, failure.authMessage);
			throw connectionError(node, itemIndex, failure, baseUrl, idempotent ? undefined : about);
		}

		pacer.observe(response.headers, response.statusCode);
		const status = response.statusCode;
		if (status >= 200 && status < 300) return parseSuccess(node, itemIndex, response, about);
		// A 429 was not processed: the pacer now holds every request until Retry-After has passed.
		if (status === 429) {
			if (Date.now() >= deadline) throw rateLimitError(node, itemIndex, policy, 0, about);
			continue;
		}
		if (status >= 500) {
			if ((idempotent || policy.retryOnServerErrors) && retries < MAX_RETRIES) {
				await sleep(backoffMs(retries++));
				continue;
			}
			if (!idempotent) throw uncertainOutcome(node, itemIndex, `RingCentral answered HTTP ${status}`, about, status, response.body);
		}
		throw ringCentralApiError(node, itemIndex, status, response.body);
	}
}

/**
 * The credential of a node run, read once: its server URL, and for JWT the decrypted data handed
 * to n8n with each request, which spares n8n a database read per item. n8n refreshes the token in
 * that object, so later items use the new one.
 */
interface RunCredential {
	baseUrl: string;
	decrypted?: ICredentialsDecrypted;
}

const runCredentials = new WeakMap<RingCentralContext, Map<string, RunCredential>>();

async function runCredential(context: RingCentralContext, credentialType: string, itemIndex?: number): Promise<RunCredential> {
	const known = runCredentials.get(context) ?? new Map<string, RunCredential>();
	runCredentials.set(context, known);
	let credential = known.get(credentialType);
	if (credential === undefined) {
		const data = await context.getCredentials(credentialType);
		let baseUrl: string;
		try {
			baseUrl = resolveServerUrl(data);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex });
		}
		const details = context.getNode().credentials?.[credentialType];
		// OAuth2 requests read their token themselves; only the JWT credential takes the data.
		const decrypted = credentialType === 'ringCentralJwtApi' && details?.id ? { id: details.id, name: details.name, type: credentialType, data } : undefined;
		credential = { baseUrl, decrypted };
		known.set(credentialType, credential);
	}
	return credential;
}

interface Failure {
	status?: number;
	body?: unknown;
	authMessage?: string;
	authStatus?: string;
	code?: string;
	/** Nothing reached RingCentral (a refused connection), so trying again cannot send twice. */
	unreached: boolean;
}

/** What went wrong, read from n8n's wrapped error without keeping its request config (it holds the token). */
function describeFailure(error: unknown): Failure {
	const cause = ((error as { cause?: unknown }).cause ?? error) as {
		name?: string;
		message?: string;
		code?: string;
		responseStatus?: number;
		unreached?: boolean;
		response?: { status?: number; data?: unknown };
	};
	if (cause.response?.status) return { status: cause.response.status, body: cause.response.data, unreached: false };
	if (cause.name === 'RingCentralAuthError') {
		return { authMessage: cause.message, authStatus: cause.responseStatus ? String(cause.responseStatus) : undefined, unreached: cause.unreached === true };
	}
	const code = cause.code ?? (error as { code?: string }).code;
	if (code === undefined && cause.message && !/socket|network|timeout|ECONN/i.test(cause.message)) {
		// Not a network failure: e.g. an OAuth2 credential that is not connected yet.
		return { authMessage: `Could not authenticate with RingCentral: ${cause.message}. Open the RingCentral credential and reconnect or test it.`, unreached: false };
	}
	// Only a refused connection (or an unresolved name) proves that nothing reached RingCentral.
	return { code, unreached: code === 'ECONNREFUSED' || code === 'EAI_AGAIN' || code === 'ENOTFOUND' };
}

function parseSuccess(node: INode, itemIndex: number | undefined, response: IN8nHttpFullResponse, about?: string): IDataObject {
	const body = response.body;
	if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return body as IDataObject;
	try {
		const parsed = JSON.parse(String(body)) as unknown;
		if (typeof parsed === 'object' && parsed !== null) return parsed as IDataObject;
	} catch {
		// fall through: the answer is not JSON
	}
	if (!about) {
		throw new NodeApiError(node, { message: 'unreadable answer' } as JsonObject, {
			message: `RingCentral answered HTTP ${response.statusCode} with something that is not JSON`,
			description: 'Check the Server setting of the RingCentral credential.',
			itemIndex,
		});
	}
	throw uncertainOutcome(node, itemIndex, `RingCentral accepted the request (HTTP ${response.statusCode}) but its answer could not be read`, about, response.statusCode);
}

export function credentialTypeFor(authentication: unknown): string {
	return authentication === 'oAuth2' ? 'ringCentralOAuth2Api' : 'ringCentralJwtApi';
}

/** The extension path; "~" stands for the authenticated account or user, as in RingCentral's URLs. */
export function extensionPath(accountId = '~', extensionId = '~'): string {
	return `/restapi/v1.0/account/${encodeURIComponent(accountId)}/extension/${encodeURIComponent(extensionId)}`;
}
