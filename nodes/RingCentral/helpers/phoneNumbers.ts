import { COUNTRIES, DEFAULT_COUNTRY } from './countries';

const E164 = /^\+[1-9]\d{7,14}$/;
/** Separators people type inside numbers; anything else (letters, extensions) is refused. */
const SEPARATORS = /[\s().\-\u00a0]/g;

/**
 * Turns what a user typed into E.164, or explains why it cannot. E.164 passes as is; a national
 * spelling gets the calling code of `country`; "00" and "011" international prefixes become "+".
 */
export function toE164(raw: string, country = DEFAULT_COUNTRY): { e164: string } | { problem: string } {
	const rule = COUNTRIES[country];
	if (!rule) return { problem: `the country "${country}" is not one the node knows` };
	const compact = raw.trim().replace(SEPARATORS, '');
	if (compact === '') return { problem: 'it is empty' };
	if (!/^\+?\d+$/.test(compact)) return { problem: 'it has characters other than digits, spaces, dots, dashes, parentheses and a leading +' };

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
