/** The node's errors for RingCentral answers and failures: code, RingCentral's words (secrets removed), the fix. */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { networkProblem, readRingCentralError } from '../../../credentials/common/ringcentral/apiErrors';
import { fixFor } from '../../../credentials/common/ringcentral/fixes';
import type { RequestPolicy } from './policy';

/** Removes the credential's secrets from text that came from a server. */
export type Scrub = (text: string) => string;

/** What an error is about: the item, the message (for "may or may not have been sent") and the scrubber. */
export interface ErrorScope {
	node: INode;
	itemIndex?: number;
	/** Names the message in errors that leave its fate open, e.g. SMS to +14155550100 "Hello…". */
	about?: string;
	scrub: Scrub;
}

/** A RingCentral error response as the user sees it: the code, RingCentral's words and the fix. */
export function ringCentralApiError(scope: ErrorScope, status: number, body: unknown): NodeApiError {
	const info = readRingCentralError(body, status);
	const message = scope.scrub(info.message);
	const parameter = info.parameterName ? ` (parameter ${scope.scrub(info.parameterName)})` : '';
	const description = [fixFor(info.errorCode, status), scope.about].filter(Boolean).join(' ');
	return new NodeApiError(scope.node, { errorCode: info.errorCode, message, httpCode: String(status) } as JsonObject, {
		message: `RingCentral error ${scope.scrub(info.errorCode)}: ${message}${parameter}`,
		description: description || undefined,
		httpCode: String(status),
		itemIndex: scope.itemIndex,
	});
}

/** Errors after which the message may or may not have gone out: never sent again automatically. */
const uncertainOutcomes = new WeakSet<Error>();

export function mayHaveBeenSent(error: unknown): boolean {
	return error instanceof Error && uncertainOutcomes.has(error);
}

export function uncertainOutcome(scope: ErrorScope, what: string, status?: number): NodeApiError {
	const error = new NodeApiError(scope.node, { message: what } as JsonObject, {
		message: `The ${scope.about ?? 'request'} may or may not have been sent: ${scope.scrub(what)}`,
		description:
			'It was not sent again, so that it cannot arrive twice. Check the RingCentral message log before sending it again, or turn on Options > Retry on Server Errors (which may send it twice).',
		httpCode: status ? String(status) : undefined,
		itemIndex: scope.itemIndex,
	});
	uncertainOutcomes.add(error);
	return error;
}

/** A failure without a complete answer; `reached` false proves nothing reached RingCentral. */
export function connectionError(scope: ErrorScope, code: string | undefined, reached: boolean, baseUrl: string, repeatable: boolean): NodeApiError {
	const what = networkProblem(code);
	if (!reached || repeatable) {
		// The system code goes in the description: n8n replaces messages that quote one.
		return new NodeApiError(scope.node, { message: what } as JsonObject, {
			message: `Could not reach RingCentral at ${baseUrl}: ${what}${scope.about && !reached ? `. The ${scope.about} was not sent` : ''}`,
			description: `Check the credential's Server setting and the network, then run the item again (${code ?? 'no error code'}).`,
			itemIndex: scope.itemIndex,
		});
	}
	const outcome = uncertainOutcome(scope, `${what} after the request was sent`);
	outcome.description = `${outcome.description} If the timeout is too short for large files, raise Options > Timeout.`;
	return outcome;
}

/** A complete answer that is not what the endpoint gives (e.g. not JSON): the server is probably not RingCentral. */
export function unreadableAnswer(scope: ErrorScope, status: number): NodeApiError {
	return new NodeApiError(scope.node, { message: 'unreadable answer' } as JsonObject, {
		message: `RingCentral answered HTTP ${status} with something that is not JSON`,
		description: 'Check the Server setting of the RingCentral credential.',
		httpCode: String(status),
		itemIndex: scope.itemIndex,
	});
}

/** A redirect is never followed: RingCentral's API does not redirect, and the token must not travel elsewhere. */
export function redirectError(scope: ErrorScope, status: number, location: unknown): NodeApiError {
	const target = String(location ?? '');
	const host = URL.canParse(target) ? new URL(target).host : target ? 'a relative address' : 'no address';
	return new NodeApiError(scope.node, { message: 'redirect' } as JsonObject, {
		message: `RingCentral answered with a redirect (HTTP ${status} to ${host}), which was not followed${scope.about ? `; the ${scope.about} was not sent there` : ''}`,
		description: "RingCentral's API never redirects, so the token and the message were not sent on. Check the credential's Server setting.",
		httpCode: String(status),
		itemIndex: scope.itemIndex,
	});
}

export function rateLimitError(scope: ErrorScope, policy: RequestPolicy, neededMs: number): NodeApiError {
	const needed = neededMs > 0 ? `another ${Math.ceil(neededMs / 1000)} s` : 'more';
	return new NodeApiError(scope.node, { message: 'rate limit', errorCode: 'CMN-301' } as JsonObject, {
		message: `RingCentral's rate limit needs ${needed} of waiting, more than Options > Max Rate Limit Wait allows (${policy.maxRateLimitWaitMs / 1000} s)${scope.about ? `; the ${scope.about} was not sent` : ''}`,
		description: 'Raise Max Rate Limit Wait, send fewer messages per run, or ask RingCentral for a higher limit for the app.',
		httpCode: '429',
		itemIndex: scope.itemIndex,
	});
}

export function authError(scope: ErrorScope, message: string, status?: number): NodeApiError {
	const text = scope.scrub(message);
	return new NodeApiError(scope.node, { message: text } as JsonObject, { message: text, httpCode: status ? String(status) : undefined, itemIndex: scope.itemIndex });
}
