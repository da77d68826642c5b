/** The one way to RingCentral: authentication by n8n, pacing, retries only where safe, errors that say what to do. */
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { displayUrl, neverReached } from '../../../credentials/common/ringcentral/apiErrors';
import { mediaServerUrl, trustedOrigin } from '../../../credentials/common/ringcentral/server';
import { sleepMs } from '../../../credentials/common/ringcentral/sleep';
import { applyTokenPolicy, runCredential, scrubberFor } from './credential';
import { buildPath, type Endpoint, type PathParam } from './endpoints';
import { authError, connectionError, rateLimitError, redirectError, ringCentralApiError, uncertainOutcome, unreadableAnswer, type ErrorScope } from './errors';
import { answerOf, bindDeadline, describeFailure, discard, readAnswer } from './failures';
import { backoffMs, DEFAULT_POLICY, MAX_RETRIES, type RequestPolicy } from './policy';
import { pacerFor } from './rateLimitPacer';
import type { RingCentralContext } from './types';

export interface ApiRequest {
	endpoint: Endpoint;
	/** Values of the endpoint's {placeholders}; "~" when not given; a list is comma-separated. */
	params?: Record<string, PathParam>;
	qs?: IDataObject;
	body?: IDataObject | FormData;
	itemIndex?: number;
	/** Names the message in errors that leave its fate open, e.g. SMS to +14155550100 "Hello…". */
	about?: string;
	policy?: RequestPolicy;
	/**
	 * Another origin for this request: RingCentral's media host that an attachment URI names, e.g.
	 * https://media.ringcentral.com. Only the credential's own origin or a RingCentral media host is
	 * taken; anything else is refused before sending.
	 */
	origin?: string;
}

export interface ApiResponse {
	status: number;
	headers: IDataObject;
	/** A JSON object (answer 'json'), a readable stream (answer 'stream') or nothing. */
	body: unknown;
}

/**
 * Sends one request and returns RingCentral's complete, successful answer, or throws a
 * NodeApiError/NodeOperationError carrying the item index. n8n adds the token (and renews it
 * after a 401, in n8n 1.x on a second send; once more when the renewed token is refused too); 429s are waited out within Max Rate Limit Wait; a request the endpoint declares
 * not repeatable is never sent twice: anything short of a complete answer after it was written is
 * reported as "may or may not have been sent".
 */
export async function ringCentralRequest(this: RingCentralContext, credentialType: string, request: ApiRequest): Promise<ApiResponse> {
	const { endpoint, itemIndex, about } = request;
	const policy = request.policy ?? DEFAULT_POLICY;
	const credential = await runCredential(this, credentialType, itemIndex);
	let path: string;
	try {
		path = buildPath(endpoint, request.params);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex, description: 'Nothing was sent. Check the IDs in the node\'s fields and Options.' });
	}
	// Content comes from RingCentral's media entry point; an event may name a (regional) media host.
	const home = endpoint.host === 'media' ? mediaServerUrl(credential.baseUrl) : credential.baseUrl;
	const baseUrl = request.origin === undefined ? home : trustedOrigin(credential.baseUrl, request.origin);
	if (baseUrl === undefined) {
		throw new NodeOperationError(this.getNode(), `Refused to send the RingCentral token to ${displayUrl(request.origin ?? '')}: it is neither the credential's server nor a RingCentral media host`, { itemIndex });
	}
	if (credential.decrypted) applyTokenPolicy(credential, policy);
	const pacer = pacerFor(`${credential.key}:${endpoint.group}`);
	const waitUntil = Date.now() + policy.maxRateLimitWaitMs;
	const fail = async (build: (scope: ErrorScope) => Error): Promise<never> => {
		throw build({ node: this.getNode(), itemIndex, about, scrub: await scrubberFor(this, credentialType, credential) });
	};

	let retries = 0;
	const mayRetry = () => retries < MAX_RETRIES && Date.now() + backoffMs(retries) < waitUntil;
	// n8n 1.x returns a 401 (it ignores `except`): then one send with n8n throwing, which renews the token.
	let renew: 'no' | 'next' | 'done' = 'no';
	let renewedInVain = false;
	for (;;) {
		const renewing = renew === 'next';
		if (renewing) renew = 'done';
		const tooLongMs = await pacer.acquire(waitUntil - Date.now());
		if (tooLongMs > 0) return await fail((scope) => rateLimitError(scope, policy, tooLongMs));
		// n8n replaces a request's abortSignal with the execution's, so the deadline is kept here.
		const deadline = AbortSignal.timeout(policy.timeoutMs);
		const sentAt = Date.now();
		let response: IN8nHttpFullResponse;
		let thrown = false;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, httpOptions(`${baseUrl}${path}`, endpoint, request, policy, renewing), credential.decrypted ? { credentialsDecrypted: credential.decrypted } : undefined)) as IN8nHttpFullResponse;
		} catch (error) {
			const answered = answerOf(error);
			if (answered) {
				response = answered;
				thrown = true;
			} else {
				pacer.release();
				const failure = describeFailure(error);
				if (failure.kind === 'auth') {
					if (failure.unreached && mayRetry()) {
						await sleepMs(backoffMs(retries++));
						continue;
					}
					return await fail((scope) => authError(scope, failure.message, failure.status));
				}
				const reached = !neverReached(failure.code);
				if ((!reached || endpoint.repeatable) && mayRetry()) {
					await sleepMs(backoffMs(retries++));
					continue;
				}
				if (failure.kind === 'incomplete' && !endpoint.repeatable) {
					return await fail((scope) => uncertainOutcome(scope, failure.what, failure.status));
				}
				return await fail((scope) => connectionError(scope, failure.code, reached, credential.baseUrl, endpoint.repeatable));
			}
		}

		pacer.observe(response.headers, response.statusCode, Date.now(), sentAt);
		const status = response.statusCode;
		// A 401 that n8n returned instead of renewing the token (1.x); it was not processed, so sending again cannot send twice.
		if (status === 401 && !thrown && renew === 'no') {
			discard(response.body);
			renew = 'next';
			continue;
		}
		// n8n renewed the token and RingCentral refused the new one too: a token this process already
		// held, whose session RingCentral has ended since. One more send renews it from RingCentral.
		if (status === 401 && thrown && !renewedInVain) {
			discard(response.body);
			renewedInVain = true;
			if (renew === 'done') renew = 'next';
			continue;
		}
		bindDeadline(response.body, deadline);
		if (status >= 300 && status < 400) {
			discard(response.body);
			return await fail((scope) => redirectError(scope, status, response.headers.location));
		}
		// Anything short of a complete answer, whatever its status, leaves a send's fate open.
		const answer = await readAnswer(endpoint, response);
		if (!answer.complete && answer.failure !== 'the answer could not be read') {
			if (endpoint.repeatable && mayRetry()) {
				await sleepMs(backoffMs(retries++));
				continue;
			}
			if (!endpoint.repeatable) return await fail((scope) => uncertainOutcome(scope, `${answer.failure} (HTTP ${status})`, status));
			return await fail((scope) => connectionError(scope, 'ETIMEDOUT', true, credential.baseUrl, true));
		}
		if (status >= 200 && status < 300) {
			if (answer.complete) return { status, headers: response.headers, body: answer.body };
			if (endpoint.repeatable && mayRetry()) {
				await sleepMs(backoffMs(retries++));
				continue;
			}
			const what = `RingCentral accepted the request (HTTP ${status}) but its answer could not be read`;
			if (!endpoint.repeatable) return await fail((scope) => uncertainOutcome(scope, what, status));
			return await fail((scope) => unreadableAnswer(scope, status));
		}
		// A 429 was not processed: the pacer now holds every request until Retry-After has passed.
		if (status === 429) {
			if (Date.now() >= waitUntil) return await fail((scope) => rateLimitError(scope, policy, 0));
			continue;
		}
		const body = answer.body;
		if (status >= 500) {
			if ((endpoint.repeatable || policy.retryOnServerErrors) && mayRetry()) {
				await sleepMs(backoffMs(retries++));
				continue;
			}
			if (!endpoint.repeatable) {
				const detail = (body as IDataObject | undefined)?.message;
				return await fail((scope) => uncertainOutcome(scope, `RingCentral answered HTTP ${status}${typeof detail === 'string' ? ` (${detail})` : ''}`, status));
			}
		}
		return await fail((scope) => ringCentralApiError(scope, status, body));
	}
}

/**
 * `renew`: n8n throws for every status outside 2xx, as its token renewal after a 401 needs in n8n
 * 1.x. Otherwise every status but 401 comes back as an answer, headers and all (n8n 1.x keeps only
 * the status and body of an answer it throws), and n8n 2.x throws the 401 and renews the token.
 */
function httpOptions(url: string, endpoint: Endpoint, request: ApiRequest, policy: RequestPolicy, renew: boolean): IHttpRequestOptions {
	const multipart = request.body instanceof FormData;
	return {
		method: endpoint.method,
		url,
		qs: request.qs,
		// RingCentral's list parameters repeat their name (messageType=SMS&messageType=Fax), as its SDKs send them.
		arrayFormat: 'repeat',
		...(endpoint.accept ? { headers: { Accept: endpoint.accept } } : {}),
		body: request.body as IHttpRequestOptions['body'],
		json: !multipart,
		// Every answer as a stream: the deadline then covers its last byte (see bindDeadline).
		encoding: 'stream',
		returnFullResponse: true,
		// n8n 1.x knows no `except` and returns the 401 too: ringCentralRequest then sends once more with `renew`.
		ignoreHttpStatusErrors: renew ? false : { ignore: true, except: [401] },
		// RingCentral's API never redirects; following one would hand the token to another host.
		disableFollowRedirect: true,
		// Idle time only (no byte for this long); the whole answer is bounded by the deadline.
		timeout: policy.timeoutMs,
	};
}
