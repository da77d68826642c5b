/** Reads the Options collection of an item: account, extension, country and the request policy, all checked. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { COUNTRIES, DEFAULT_COUNTRY } from '../helpers/countries';
import { invalidField, parsePathId } from '../helpers/validation';
import { DEFAULT_POLICY, POLICY_LIMITS, type RequestPolicy } from '../transport';

export interface ItemOptions {
	accountId: string;
	extensionId: string;
	country: string;
	policy: RequestPolicy;
}

/** A duration option in seconds, within its bounds; missing means the default. */
function seconds(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown, bounds: { min: number; max: number }, fallbackMs: number): number {
	if (value === undefined || value === null || value === '') return fallbackMs;
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number) || number < bounds.min || number > bounds.max) {
		throw invalidField(context.getNode(), itemIndex, field, value, `it must be a number of seconds from ${bounds.min} to ${bounds.max}`, `Enter a value from ${bounds.min} to ${bounds.max}, or remove the option to use the default (${fallbackMs / 1000} s).`);
	}
	return number * 1000;
}

export function readRequestPolicy(context: IExecuteFunctions, itemIndex: number): RequestPolicy {
	const options = context.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	return {
		maxRateLimitWaitMs: seconds(context, itemIndex, 'Max Rate Limit Wait', options.maxRateLimitWait, POLICY_LIMITS.maxRateLimitWait, DEFAULT_POLICY.maxRateLimitWaitMs),
		retryOnServerErrors: options.retryOnServerErrors === true,
		timeoutMs: seconds(context, itemIndex, 'Timeout', options.timeout, POLICY_LIMITS.timeout, DEFAULT_POLICY.timeoutMs),
	};
}

export function readItemOptions(context: IExecuteFunctions, itemIndex: number): ItemOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const node = context.getNode();
	const country = String(options.country ?? DEFAULT_COUNTRY).trim().toUpperCase() || DEFAULT_COUNTRY;
	if (!COUNTRIES[country]) {
		throw invalidField(node, itemIndex, 'Country', options.country, 'it is not one of the listed countries', `Pick a country from the list (ISO codes: ${Object.keys(COUNTRIES).join(', ')}), or write numbers in E.164 starting with +.`);
	}
	return {
		accountId: parsePathId(node, itemIndex, 'Account ID', options.accountId),
		extensionId: parsePathId(node, itemIndex, 'Extension ID', options.extensionId),
		country,
		policy: readRequestPolicy(context, itemIndex),
	};
}

/** Return All / Limit of a list: undefined when every record is wanted. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const value = context.getNodeParameter('limit', itemIndex, 50);
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) {
		throw invalidField(context.getNode(), itemIndex, 'Limit', value, 'it must be a whole number of 1 or more', 'Enter how many results to return, or turn on Return All.');
	}
	return limit;
}
