/** The Options collection (UI only): where a message goes from, and how hard requests try. */
import type { INodeProperties } from 'n8n-workflow';

import { countryOptions, DEFAULT_COUNTRY } from '../helpers/countries';

export const accountIdOption: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	default: '~',
	description: 'RingCentral account ID. Keep ~ for the account of the authenticated user.',
};

export const countryOption: INodeProperties = {
	displayName: 'Country',
	name: 'country',
	type: 'options',
	options: countryOptions,
	default: DEFAULT_COUNTRY,
	description: 'Country of numbers written without a country code, such as (415) 555-0100. Numbers starting with + are sent as they are.',
};

/** Whose numbers and which country's spellings: options of the message. */
const messageOptions: INodeProperties[] = [
	accountIdOption,
	countryOption,
	{
		displayName: 'Extension ID',
		name: 'extensionId',
		type: 'string',
		default: '~',
		description: 'Extension that sends the message. Keep ~ for the authenticated user; enter the ID of a department or call-queue extension you manage to send for it.',
	},
];

/** How requests wait and retry: transport/policy.ts's DEFAULT_POLICY and POLICY_LIMITS, written out (n8n's lint wants literals). */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Max Rate Limit Wait (Seconds)',
		name: 'maxRateLimitWait',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 3600 },
		default: 300,
		description: "Longest total time one item may wait for RingCentral's rate limits (token requests included) before it fails without being sent. 0 to 3600.",
	},
	{
		displayName: 'Retry on Server Errors',
		name: 'retryOnServerErrors',
		type: 'boolean',
		default: false,
		description: 'Whether to send the message again after a RingCentral server error (5xx). RingCentral may already have sent it, so this can deliver the message twice.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 60,
		description: 'Longest time one request may take, from sending to the last byte of the answer. 1 to 3600.',
	},
];

export const byName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** An operation's Options collection (the persisted name `options`), its entries in n8n's alphabetical order. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [...options].sort(byName) };
}

/** Options of the send operations: message and request options together. */
export const sendOptionsField: INodeProperties = optionsCollection([...messageOptions, ...requestOptions]);

/** Whose message store a read looks in: the Account and Extension options worded for reading. */
const storeOptions: INodeProperties[] = [
	{ ...messageOptions[0] },
	{
		...messageOptions[2],
		description: 'Extension whose message store is read. Keep ~ for the authenticated user; enter the ID of an extension you manage to read its messages.',
	},
];

/**
 * Options of the message-store operations: the store, and the request options without Retry on
 * Server Errors (reads are repeated after a 5xx anyway: they cannot send anything twice).
 */
export function storeOptionsField(withCountry = false): INodeProperties {
	const country = { ...messageOptions[1], description: 'Country of a Phone Number filter written without a country code, such as (415) 555-0100' };
	const options = [...storeOptions, ...(withCountry ? [country] : []), ...requestOptions.filter((option) => option.name !== 'retryOnServerErrors')];
	return optionsCollection(options);
}
