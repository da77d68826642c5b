/** Pre-send checks of what an item holds: each refusal names the field, shows the value and says how to fix it. */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toE164, splitRecipients } from './phoneNumbers';
import { excerpt, loneSurrogateAt } from './text';

export const MAX_TEXT_LENGTH = 1000;
export const MAX_RECIPIENTS = 10;

/**
 * A refusal before anything is sent: names the field, shows the value, says how to fix it. The
 * value is cut to 40 characters: n8n shows the message as a heading that does not wrap inside a
 * word, and a longer unbroken value (a URL, a run of emoji) ran off its output pane.
 */
export function invalidField(
	node: INode,
	itemIndex: number | undefined,
	field: string,
	value: unknown,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid ${field} "${excerpt(display(value), 40)}": ${problem}`, {
		itemIndex,
		description: fix,
	});
}

export function display(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined) return '(nothing)';
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/** The To field: one or several numbers (several are one group message), all turned into E.164, repeats removed. */
export function parseRecipients(node: INode, itemIndex: number, value: unknown, country: string): string[] {
	const entries = splitRecipients(value);
	const fixFormat = `Use E.164 such as +14155550100, or a national spelling such as (415) 555-0100 together with Options > Country (now ${country}).`;
	if (entries.length === 0) {
		throw invalidField(node, itemIndex, 'To', value, 'no recipient was given', `Enter at least one phone number. ${fixFormat}`);
	}
	const numbers = entries.map((entry) => {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw invalidField(node, itemIndex, 'To', entry, `a ${typeof entry} is not a phone number`, `Map a text field holding the number. ${fixFormat}`);
		}
		const result = toE164(String(entry), country);
		if ('problem' in result) throw invalidField(node, itemIndex, 'To', entry, result.problem, fixFormat);
		return result.e164;
	});
	// The same number written twice is one recipient: the limit counts distinct numbers.
	const distinct = [...new Set(numbers)];
	if (distinct.length > MAX_RECIPIENTS) {
		throw invalidField(
			node,
			itemIndex,
			'To',
			value,
			`${distinct.length} different recipients, but one RingCentral group message takes at most ${MAX_RECIPIENTS}`,
			'Send one item per recipient for private messages, or split the group into messages of at most 10 numbers.',
		);
	}
	return distinct;
}

/** The From field: the sender must be written as a number (E.164 or national spelling). */
export function parseSender(node: INode, itemIndex: number, value: unknown, country: string): string {
	const fix = 'Pick a number from the From list, or enter one of your RingCentral numbers in E.164 such as +16505550100.';
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalidField(node, itemIndex, 'From', value, 'it is not a phone number', fix);
	}
	const result = toE164(String(value), country);
	if ('problem' in result) throw invalidField(node, itemIndex, 'From', value, result.problem, fix);
	return result.e164;
}

/** Text as RingCentral counts it: UTF-16 code units, so an emoji counts 2. */
export function parseText(node: INode, itemIndex: number, value: unknown, required: boolean): string | undefined {
	if (value === undefined || value === null || value === '') {
		if (!required) return undefined;
		throw invalidField(node, itemIndex, 'Text', value ?? '', 'the message is empty', 'Enter the text to send (1 to 1000 characters).');
	}
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalidField(node, itemIndex, 'Text', value, `a ${Array.isArray(value) ? 'list' : typeof value} is not text`, 'Map a text field, or use an expression such as {{ JSON.stringify($json.x) }}.');
	}
	const text = String(value);
	if (text.trim() === '' && required) {
		throw invalidField(node, itemIndex, 'Text', value, 'the message has only blanks', 'Enter the text to send (1 to 1000 characters).');
	}
	const broken = loneSurrogateAt(text);
	if (broken >= 0) {
		throw invalidField(
			node,
			itemIndex,
			'Text',
			value,
			`it has half of an emoji or other symbol at position ${broken + 1} (a lone UTF-16 surrogate, U+${text.charCodeAt(broken).toString(16).toUpperCase()}), which phones would show as a broken character`,
			'The text was probably cut with .slice() or .substring() in an expression: cut by characters instead, e.g. {{ [...$json.text].slice(0, 160).join("") }}, or remove the broken character.',
		);
	}
	if (text.length > MAX_TEXT_LENGTH) {
		throw invalidField(
			node,
			itemIndex,
			'Text',
			value,
			`${text.length} characters, over RingCentral's limit of ${MAX_TEXT_LENGTH} (emoji and other symbols outside the basic range count as 2)`,
			'Shorten the text, or split it over several messages.',
		);
	}
	return text;
}

/** Account and Extension IDs appear in the URL path: "~" (the authenticated user) or digits only. */
export function parsePathId(node: INode, itemIndex: number | undefined, field: string, value: unknown): string {
	const id = String(value ?? '').trim() || '~';
	if (id === '~' || /^\d{1,20}$/.test(id)) return id;
	throw invalidField(node, itemIndex, field, value, 'it must be ~ or a numeric RingCentral ID', `Leave ${field} as ~ for the authenticated user, or enter the numeric ID shown in the RingCentral Admin Portal.`);
}

/**
 * A RingCentral record ID (message, attachment): digits only, given as text or as a number that
 * JSON kept exact (RingCentral's IDs are int64; larger numbers lose digits in JavaScript).
 */
export function parseRecordId(node: INode, itemIndex: number, field: string, value: unknown, fix: string): string {
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value) && value >= 0) return String(value);
		throw invalidField(node, itemIndex, field, value, 'the number is not a whole number JavaScript can hold exactly', `Map the ID as text, e.g. {{ String($json.id) }}. ${fix}`);
	}
	const id = typeof value === 'string' ? value.trim() : '';
	if (id === '') throw invalidField(node, itemIndex, field, value ?? '', typeof value === 'string' || value === undefined || value === null ? 'no ID was given' : `a ${typeof value} is not an ID`, fix);
	if (!/^\d{1,19}$/.test(id)) throw invalidField(node, itemIndex, field, value, 'a RingCentral ID has only digits, e.g. 315450330010', fix);
	return id;
}
