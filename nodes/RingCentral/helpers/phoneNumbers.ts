/** Phone numbers as people write and paste them, turned into E.164 (https://www.itu.int/rec/T-REC-E.164). */
import { COUNTRIES, DEFAULT_COUNTRY } from './countries';

const E164 = /^\+[1-9]\d{7,14}$/;
/** Separators people type inside numbers; anything else (letters, extensions) is refused. */
const SEPARATORS = /[\s().\-/]/g;

/** The value of any Unicode decimal digit: digits come in runs of ten that start at zero. */
function asciiDigit(digit: string): string {
	let start = digit.codePointAt(0)!;
	while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
	return String((digit.codePointAt(0)! - start) % 10);
}

/**
 * What contact apps and spreadsheets put around a number, made plain: compatibility forms
 * (full-width digits and +), invisible format characters (bidi marks such as U+202D, zero-width
 * spaces, soft hyphens: Unicode category Cf) removed, every Unicode dash (and the minus sign) made "-", any script's
 * decimal digits made ASCII.
 */
export function plainNumber(raw: string): string {
	return raw
		.normalize('NFKC')
		.replace(/\p{Cf}/gu, '')
		.replace(/[\p{Pd}\u2212\u2043\u02D7]/gu, '-')
		.replace(/[^\d\P{Nd}]/gu, asciiDigit)
		.trim();
}

/** Names a character the way a user can find it: the character itself when visible, and its code point. */
function describeCharacter(character: string): string {
	const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
	return /[\p{L}\p{N}\p{P}\p{S}]/u.test(character) ? `"${character}" (${code})` : `the invisible character ${code}`;
}

/**
 * Turns what a user typed into E.164, or explains why it cannot. E.164 passes as is; a national
 * spelling gets the calling code of `country`; "00" and "011" international prefixes become "+".
 */
export function toE164(raw: string, country = DEFAULT_COUNTRY): { e164: string } | { problem: string } {
	const rule = COUNTRIES[country];
	if (!rule) return { problem: `the country "${country}" is not one the node knows` };
	const compact = plainNumber(raw).replace(SEPARATORS, '');
	if (compact === '') return { problem: 'it is empty' };
	if (!/^\+?\d+$/.test(compact)) {
		const odd = [...compact].find((character, index) => !/\d/.test(character) && !(character === '+' && index === 0));
		return { problem: `it has ${odd ? describeCharacter(odd) : 'a character'}, but only digits, spaces, dots, dashes, slashes, parentheses and a leading + are allowed` };
	}

	let international: string | undefined;
	if (compact.startsWith('+')) international = compact;
	else if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
	else if (rule.callingCode === '1' && compact.startsWith('011')) international = `+${compact.slice(3)}`;
	if (international !== undefined) {
		return E164.test(international)
			? { e164: international }
			: { problem: 'an international number has 8 to 15 digits after the +' };
	}

	let national = compact;
	const [min, max] = rule.lengths;
	// "14155550100" in the US and "4915112345678"-style numbers already carry the calling code.
	if (national.length > max && national.startsWith(rule.callingCode)) {
		national = national.slice(rule.callingCode.length);
	} else if (rule.trunk && national.length > max && national.startsWith(rule.trunk)) {
		national = national.slice(rule.trunk.length);
	} else if (rule.trunk === '0' && national.startsWith('0')) {
		national = national.slice(1);
	}
	if (national.length < min || national.length > max) {
		return { problem: `a ${rule.name} number has ${min === max ? min : `${min} to ${max}`} digits without the country code` };
	}
	if (rule.callingCode === '1' && !/^[2-9]\d{2}[2-9]/.test(national)) {
		return { problem: 'a North American area code and exchange cannot start with 0 or 1' };
	}
	const e164 = `+${rule.callingCode}${national}`;
	return E164.test(e164) ? { e164 } : { problem: 'it is not a valid phone number' };
}

/** Recipients as typed: one number, a comma- or semicolon-separated list, or an array from an expression. */
export function splitRecipients(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flatMap((entry) => (typeof entry === 'string' ? splitRecipients(entry) : [entry]));
	if (typeof value === 'string') return value.split(/[,;\n]/).map((part) => part.trim()).filter((part) => part !== '');
	if (value === undefined || value === null) return [];
	return [value];
}
