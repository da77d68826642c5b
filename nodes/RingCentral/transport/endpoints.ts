/** Every RingCentral endpoint the package calls, declared once: method, path, rate-limit group, repeatability, answer kind. */
import type { IHttpRequestMethods } from 'n8n-workflow';

/** RingCentral's rate-limit groups (https://developers.ringcentral.com/guide/basics/rate-limits). */
export type RateLimitGroup = 'light' | 'medium' | 'heavy' | 'auth';

export interface Endpoint {
	method: IHttpRequestMethods;
	/** Below the server URL, with {placeholders} filled from the request's params. */
	path: string;
	group: RateLimitGroup;
	/**
	 * Whether the request may be sent again after an uncertain failure (a dropped connection, a
	 * timeout, a 5xx): reads may; a send may not, since RingCentral may already have stored it.
	 */
	repeatable: boolean;
	/** json: a JSON object; stream: bytes (downloads); none: nothing worth reading (204). */
	answer: 'json' | 'stream' | 'none';
	/** Accept header when not plain JSON, e.g. RingCentral's multipart+json form of a bulk (207) answer. */
	accept?: string;
	/** 'media': RingCentral's media entry point (media.ringcentral.com), which content downloads must use. */
	host?: 'media';
}

const EXTENSION = '/restapi/v1.0/account/{accountId}/extension/{extensionId}';
/** High Volume SMS (A2P) lives at account level: https://developers.ringcentral.com/guide/messaging/sms/high-volume */
const A2P = '/restapi/v1.0/account/{accountId}/a2p-sms';
const SUBSCRIPTION = '/restapi/v1.0/subscription';

/** Groups and permissions from RingCentral's API reference (x-throttling-group of each operation). */
export const ENDPOINTS = {
	extensionInfo: { method: 'GET', path: EXTENSION, group: 'light', repeatable: true, answer: 'json' },
	listPhoneNumbers: { method: 'GET', path: `${EXTENSION}/phone-number`, group: 'light', repeatable: true, answer: 'json' },
	sendSms: { method: 'POST', path: `${EXTENSION}/sms`, group: 'medium', repeatable: false, answer: 'json' },
	sendMms: { method: 'POST', path: `${EXTENSION}/mms`, group: 'medium', repeatable: false, answer: 'json' },
	listMessages: { method: 'GET', path: `${EXTENSION}/message-store`, group: 'light', repeatable: true, answer: 'json' },
	readMessage: { method: 'GET', path: `${EXTENSION}/message-store/{messageId}`, group: 'light', repeatable: true, answer: 'json' },
	// The same operation given comma-separated IDs: 207, one part per ID (https://developers.ringcentral.com/guide/basics/batch-requests).
	readMessages: { method: 'GET', path: `${EXTENSION}/message-store/{messageId}`, group: 'light', repeatable: true, answer: 'json', accept: 'application/vnd.ringcentral.multipart+json' },
	readMessageContent: { method: 'GET', path: `${EXTENSION}/message-store/{messageId}/content/{attachmentId}`, group: 'medium', repeatable: true, answer: 'stream', host: 'media' },
	a2pSendBatch: { method: 'POST', path: `${A2P}/batches`, group: 'light', repeatable: false, answer: 'json' },
	a2pGetBatch: { method: 'GET', path: `${A2P}/batches/{batchId}`, group: 'light', repeatable: true, answer: 'json' },
	a2pListMessages: { method: 'GET', path: `${A2P}/messages`, group: 'light', repeatable: true, answer: 'json' },
	a2pListOptOuts: { method: 'GET', path: `${A2P}/opt-outs`, group: 'light', repeatable: true, answer: 'json' },
	listSubscriptions: { method: 'GET', path: SUBSCRIPTION, group: 'light', repeatable: true, answer: 'json' },
	createSubscription: { method: 'POST', path: SUBSCRIPTION, group: 'medium', repeatable: false, answer: 'json' },
	getSubscription: { method: 'GET', path: `${SUBSCRIPTION}/{subscriptionId}`, group: 'light', repeatable: true, answer: 'json' },
	// Deleting twice is harmless (the second answers 404), so a lost answer may be asked again.
	deleteSubscription: { method: 'DELETE', path: `${SUBSCRIPTION}/{subscriptionId}`, group: 'medium', repeatable: true, answer: 'none' },
} as const satisfies Record<string, Endpoint>;

/** A path segment: "~" or an ID of letters, digits, "-" and "_" (never "." or "..", which would climb the path). */
const SEGMENT = /^(~|[A-Za-z0-9][A-Za-z0-9_-]{0,127})$/;

/** A placeholder's value; a list fills it with comma-separated IDs (RingCentral's bulk syntax). */
export type PathParam = string | number | readonly string[];

/** The endpoint's path with its placeholders filled; throws a plain Error naming a refused value. */
export function buildPath(endpoint: Endpoint, params: Record<string, PathParam> = {}): string {
	return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const given = params[name] ?? '~';
		const values = typeof given === 'object' ? [...given] : [String(given)];
		for (const value of values) {
			if (!SEGMENT.test(value)) throw new Error(`"${value}" is not a valid RingCentral ${name}: use ~ or an ID of letters and digits`);
		}
		if (values.length === 0) throw new Error(`No RingCentral ${name} was given`);
		return values.map(encodeURIComponent).join(',');
	});
}
