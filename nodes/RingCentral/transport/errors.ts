import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { networkProblem } from '../../../credentials/RingCentralToken';
import type { RequestPolicy } from './index';

export interface RingCentralErrorInfo {
	errorCode: string;
	message: string;
	parameterName?: string;
}

/** RingCentral puts the precise code in errors[0]; older responses only have top-level fields. */
export function readRingCentralError(body: unknown, status: number): RingCentralErrorInfo {
	const data = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
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

const FEATURE = 'Pick the sender from the From list: it shows only numbers that RingCentral enabled for this kind of message.';

/** What the user can do about the common RingCentral error codes. */
const FIXES: Record<string, string> = {
	'MSG-242': `The From number cannot send SMS. ${FEATURE} An admin can enable SMS on a number in the RingCentral Admin Portal.`,
	'MSG-367': `The From number cannot send this message (toll-free numbers cannot send MMS). ${FEATURE}`,
	'MSG-380': 'MMS is not enabled for this RingCentral account. Ask your RingCentral admin or send an SMS instead.',
	'BIL-103': 'MMS is not enabled for this RingCentral account. Ask your RingCentral admin or send an SMS instead.',
	'CMN-408': "The RingCentral user of this credential lacks the OutboundSMS permission. An admin grants it in the Admin Portal (the user's role must include SMS sending).",
	'CMN-419': 'Sending for another extension needs the OutboundSMS permission with extended scope. Clear Options > Extension ID, or ask an admin for that permission.',
	'CMN-401': 'The RingCentral app lacks a permission. Add SMS and ReadAccounts to the app in the RingCentral Developer Console.',
	'MSG-245': 'The From number does not belong to the authenticated user. Pick it from the From list, or set Options > Extension ID to the extension that owns it.',
	'MSG-304': 'The From number does not belong to the authenticated user. Pick it from the From list, or set Options > Extension ID to the extension that owns it.',
	'MSG-381': 'A group message takes at most 10 recipients. Send one item per recipient, or split the group.',
	'MSG-337': 'The attachments exceed 1,500,000 bytes in total. Compress or resize them, or send them over several messages.',
	'MSG-338': 'The message is too large. Shorten the text (at most 1000 characters) or send fewer or smaller files.',
	'MSG-347': 'An attachment is empty. Check the node that produced the file.',
	'MSG-348': 'An attachment has a type RingCentral does not send by MMS. Convert it to an image, video, audio, vCard, PDF or text file.',
	'MSG-351': 'An attachment has no file name. Set a file name on the binary data.',
	'MSG-246': 'Messages go to and from phone numbers, not extension numbers. Enter full phone numbers.',
	'MSG-247': 'RingCentral does not send to short codes. Enter a full phone number.',
	'MSG-243': 'The recipient number is blocked. Remove it from the To field.',
	'MSG-240': 'International SMS is not enabled for this account or number. Ask your RingCentral admin.',
	'MSG-403': 'Toll-free numbers cannot send international SMS. Pick another From number.',
	'MSG-384': 'The account reached its messaging limits. Ask your RingCentral admin.',
	'CMN-101': 'RingCentral refused a parameter. Check the field named in the message.',
	'CMN-102': 'RingCentral could not find the account, extension or resource. Check Options > Account ID and Extension ID (use ~ for the authenticated user).',
	'CMN-301': 'RingCentral kept rejecting requests for exceeding its rate limit. Raise Options > Max Rate Limit Wait, or send fewer messages per run.',
	'CMN-302': 'RingCentral kept rejecting requests for exceeding its rate limit. Raise Options > Max Rate Limit Wait, or send fewer messages per run.',
	'MSG-305': 'RingCentral kept rejecting requests for exceeding its rate limit. Raise Options > Max Rate Limit Wait, or send fewer messages per run.',
};

function fixFor(code: string, status: number): string | undefined {
	if (FIXES[code]) return FIXES[code];
	if (code.startsWith('OAU-') || status === 401) {
		return 'RingCentral refused the credential. Open the RingCentral credential and test it; for JWT, check the Client ID, Client Secret and JWT, for OAuth2 reconnect the account.';
	}
	return undefined;
}

/** A RingCentral error response as the user sees it: the code, RingCentral's words and the fix. */
export function ringCentralApiError(
	node: INode,
	itemIndex: number | undefined,
	status: number,
	body: unknown,
	about?: string,
): NodeApiError {
	const info = readRingCentralError(body, status);
	const parameter = info.parameterName ? ` (parameter ${info.parameterName})` : '';
	const description = [fixFor(info.errorCode, status), about].filter(Boolean).join(' ');
	return new NodeApiError(node, { ...info, httpCode: String(status) } as unknown as JsonObject, {
		message: `RingCentral error ${info.errorCode}: ${info.message}${parameter}`,
		description: description || undefined,
		httpCode: String(status),
		itemIndex,
	});
}

/** Errors after which the message may or may not have gone out: never sent again automatically. */
const uncertainOutcomes = new WeakSet<Error>();

export function mayHaveBeenSent(error: unknown): boolean {
	return error instanceof Error && uncertainOutcomes.has(error);
}

export function uncertainOutcome(node: INode, itemIndex: number | undefined, what: string, about?: string, status?: number, body?: unknown): NodeApiError {
	const detail = body === undefined ? undefined : (body as { message?: string })?.message;
	const error = new NodeApiError(node, { message: what } as JsonObject, {
		message: `The ${about ?? 'message'} may or may not have been sent: ${what}${detail ? ` (${detail})` : ''}`,
		description:
			'It was not sent again, so that it cannot arrive twice. Check the RingCentral message log before sending it again, or turn on Options > Retry on Server Errors (which may send it twice).',
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
	uncertainOutcomes.add(error);
	return error;
}

export function connectionError(node: INode, itemIndex: number | undefined, failure: { code?: string; unreached: boolean }, baseUrl: string, about?: string): NodeApiError {
	const what = networkProblem(failure.code);
	if (failure.unreached || !about) {
		// The system code goes in the description: n8n replaces messages that quote one.
		return new NodeApiError(node, { message: what } as JsonObject, {
			message: `Could not reach RingCentral at ${baseUrl}: ${what}${about ? `. The ${about} was not sent` : ''}`,
			description: `Check the credential's Server setting and the network, then run the item again (${failure.code ?? 'no error code'}).`,
			itemIndex,
		});
	}
	const outcome = uncertainOutcome(node, itemIndex, `${what} after the request was sent`, about);
	outcome.description = `${outcome.description} If the timeout is too short for large files, raise Options > Timeout.`;
	return outcome;
}

export function rateLimitError(node: INode, itemIndex: number | undefined, policy: RequestPolicy, neededMs: number, about?: string): NodeApiError {
	const needed = neededMs > 0 ? `another ${Math.ceil(neededMs / 1000)} s` : 'more';
	return new NodeApiError(node, { message: 'rate limit', errorCode: 'CMN-301' } as JsonObject, {
		message: `RingCentral's rate limit needs ${needed} of waiting, more than Options > Max Rate Limit Wait allows (${policy.maxRateLimitWaitMs / 1000} s)${about ? `; the ${about} was not sent` : ''}`,
		description: 'Raise Max Rate Limit Wait, send fewer messages per run, or ask RingCentral for a higher limit for the app.',
		httpCode: '429',
		itemIndex,
	});
}

export function authError(node: INode, itemIndex: number | undefined, message: string, status?: string): NodeApiError {
	return new NodeApiError(node, { message } as JsonObject, { message, httpCode: status, itemIndex });
}
