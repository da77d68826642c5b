/** High Volume SMS (A2P) rules: batch limits, one US or Canadian recipient per message. */
import type { INode } from 'n8n-workflow';

import { parseRecipients, invalidField } from './validation';

/**
 * Messages per batch request: "10,000 texts per API request from a single number"
 * (https://developers.ringcentral.com/guide/messaging/sms/high-volume).
 */
export const MAX_BATCH_MESSAGES = 10_000;

/**
 * Bytes of one batch request body: RingCentral's API reference gives `x-request-max-body-size: 50m`
 * for createA2PSMS and its guide "about 50MB"; the smaller reading (10^6 bytes a MB) is kept.
 */
export const MAX_BATCH_BODY_BYTES = 50_000_000;

/**
 * Area codes of the North American Numbering Plan that belong to countries other than the US and
 * Canada (Caribbean nations, Bermuda): High Volume SMS goes to the US and Canada only. US
 * territories (Puerto Rico, Guam…) are left to RingCentral to judge.
 */
const OTHER_NANP_COUNTRIES = new Set([
	'242', '246', '264', '268', '284', '345', '441', '473', '649', '658', '664', '721',
	'758', '767', '784', '809', '829', '849', '868', '869', '876',
]);

/** Whether an E.164 number is a US or Canadian one (+1, not a Caribbean or Bermudan area code). */
export function isUsOrCanada(e164: string): boolean {
	return /^\+1\d{10}$/.test(e164) && !OTHER_NANP_COUNTRIES.has(e164.slice(2, 5));
}

/** The To field of a High Volume SMS: exactly one US or Canadian number, in E.164. */
export function parseHighVolumeRecipient(node: INode, itemIndex: number, value: unknown, country: string): string {
	const numbers = parseRecipients(node, itemIndex, value, country);
	if (numbers.length > 1) {
		throw invalidField(
			node,
			itemIndex,
			'To',
			value,
			`${numbers.length} numbers, but a High Volume SMS goes to one number (no group messages)`,
			'Send one item per recipient: e.g. split the list with the Split Out node before this one.',
		);
	}
	const [to] = numbers;
	if (!isUsOrCanada(to)) {
		throw invalidField(
			node,
			itemIndex,
			'To',
			value,
			`${to} is not a US or Canadian number, and High Volume SMS reaches only those`,
			'Remove the number from the campaign, or send it with the SMS resource (Send SMS) from a number enabled for international SMS.',
		);
	}
	return to;
}
