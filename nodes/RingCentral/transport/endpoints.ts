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
}

const EXTENSION = '/restapi/v1.0/account/{accountId}/extension/{extensionId}';
const SUBSCRIPTION = '/restapi/v1.0/subscription';

/** Groups and permissions from RingCentral's API reference (x-throttling-group of each operation). */
export const ENDPOINTS = {
	extensionInfo: { method: 'GET', path: EXTENSION, group: 'light', repeatable: true, answer: 'json' },
	listPhoneNumbers: { method: 'GET', path: `${EXTENSION}/phone-number`, group: 'light', repeatable: true, answer: 'json' },
	sendSms: { method: 'POST', path: `${EXTENSION}/sms`, group: 'medium', repeatable: false, answer: 'json' },
	sendMms: { method: 'POST', path: `${EXTENSION}/mms`, group: 'medium', repeatable: false, answer: 'json' },
	// Served by RingCentral's media host (https://media.ringcentral.com): the request names it as its origin.
	messageContent: { method: 'GET', path: `${EXTENSION}/message-store/{messageId}/content/{attachmentId}`, group: 'medium', repeatable: true, answer: 'stream' },
	listSubscriptions: { method: 'GET', path: SUBSCRIPTION, group: 'light', repeatable: true, answer: 'json' },
	createSubscription: { method: 'POST', path: SUBSCRIPTION, group: 'medium', repeatable: false, answer: 'json' },
	getSubscription: { method: 'GET', path: `${SUBSCRIPTION}/{subscriptionId}`, group: 'light', repeatable: true, answer: 'json' },
	// Deleting twice is harmless (the second answers 404), so a lost answer may be asked again.
	deleteSubscription: { method: 'DELETE', path: `${SUBSCRIPTION}/{subscriptionId}`, group: 'medium', repeatable: true, answer: 'none' },
} as const satisfies Record<string, Endpoint>;

/** A path segment: "~" or an ID of letters, digits, "-" and "_" (never "." or "..", which would climb the path). */
const SEGMENT = /^(~|[A-Za-z0-9][A-Za-z0-9_-]{0,127})$/;

/** The endpoint's path with its placeholders filled; throws a plain Error naming a refused value. */
export function buildPath(endpoint: Endpoint, params: Record<string, string | number> = {}): string {
	return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = String(params[name] ?? '~');
		if (!SEGMENT.test(value)) throw new Error(`"${value}" is not a valid RingCentral ${name}: use ~ or an ID of letters and digits`);
		return encodeURIComponent(value);
	});
}
