import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { COUNTRIES, DEFAULT_COUNTRY, countryOptions } from '../../helpers/countries';
import { invalidField, parsePathId, parseRecipients, parseSender, parseText } from '../../helpers/validation';
import { DEFAULT_POLICY, type RequestPolicy } from '../../transport';

/** Fields that Send SMS and Send MMS share; each operation shows its own copy. */
export function senderField(operation: string, listMethod: string, feature: string, extra = ''): INodeProperties {
	return {
		displayName: 'From',
		name: 'from',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `Your RingCentral number that sends the message. The list shows the numbers of the authenticated user that have the ${feature} feature${extra}.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: listMethod, searchable: true },
			},
			{
				displayName: 'By Number',
				name: 'number',
				type: 'string',
				placeholder: '+16505550100',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[+(\\d][\\d\\s().-]{6,}$', errorMessage: 'Enter a phone number, e.g. +16505550100' },
					},
				],
			},
		],
		displayOptions: { show: { resource: ['sms'], operation: [operation] } },
	};
}

export function recipientsField(operation: string): INodeProperties {
	return {
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+14155550100',
		description:
			'Phone number of the recipient. Several numbers (comma-separated, or an expression that gives a list; at most 10) make one group message in which every recipient sees the others, as RingCentral defines it. For private messages, send one item per recipient.',
		displayOptions: { show: { resource: ['sms'], operation: [operation] } },
	};
}

export function textField(operation: string, required: boolean): INodeProperties {
	return {
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required,
		description: required
			? 'The message, 1 to 1000 characters (emoji and other symbols outside the basic range count as 2)'
			: 'Optional text sent with the files, at most 1000 characters',
		displayOptions: { show: { resource: ['sms'], operation: [operation] } },
	};
}

export function optionsField(operation: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['sms'], operation: [operation] } },
		options: [
			{
				displayName: 'Account ID',
				name: 'accountId',
				type: 'string',
				default: '~',
				description: 'RingCentral account ID. Keep ~ for the account of the authenticated user.',
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'options',
				options: countryOptions,
				default: DEFAULT_COUNTRY,
				description: 'Country of numbers written without a country code, such as (415) 555-0100. Numbers starting with + are sent as they are.',
			},
			{
				displayName: 'Extension ID',
				name: 'extensionId',
				type: 'string',
				default: '~',
				description: 'Extension that sends the message. Keep ~ for the authenticated user; enter the ID of a department or call-queue extension you manage to send for it.',
			},
			{
				displayName: 'Max Rate Limit Wait (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				// DEFAULT_POLICY's values, written out: n8n's lint wants literal defaults.
				default: 300,
				description: "Longest total time one item may wait for RingCentral's rate limits before it fails without being sent",
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
				typeOptions: { minValue: 1 },
				default: 60, // DEFAULT_POLICY.timeoutMs, written out as above
				description: 'How long to wait for RingCentral to answer one request',
			},
		],
	};
}

interface SendOptions {
	accountId: string;
	extensionId: string;
	country: string;
	policy: RequestPolicy;
}

function readSendOptions(context: IExecuteFunctions, itemIndex: number): SendOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const node = context.getNode();
	const seconds = (value: unknown, fallbackMs: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value * 1000 : fallbackMs;
	const country = String(options.country ?? DEFAULT_COUNTRY).trim().toUpperCase() || DEFAULT_COUNTRY;
	if (!COUNTRIES[country]) {
		throw invalidField(node, itemIndex, 'Country', options.country, 'it is not one of the listed countries', `Pick a country from the list (ISO codes: ${Object.keys(COUNTRIES).join(', ')}), or write numbers in E.164 starting with +.`);
	}
	return {
		accountId: parsePathId(node, itemIndex, 'Account ID', options.accountId),
		extensionId: parsePathId(node, itemIndex, 'Extension ID', options.extensionId),
		country,
		policy: {
			maxRateLimitWaitMs: seconds(options.maxRateLimitWait, DEFAULT_POLICY.maxRateLimitWaitMs),
			retryOnServerErrors: options.retryOnServerErrors === true,
			timeoutMs: Math.max(1000, seconds(options.timeout, DEFAULT_POLICY.timeoutMs)),
		},
	};
}

/** Identifies a message in errors: kind, recipients and the start of the text. */
export function describeMessage(kind: string, to: string[], text?: string): string {
	const excerpt = text ? ` "${text.length > 30 ? `${text.slice(0, 29)}…` : text}"` : '';
	return `${kind} to ${to.join(', ')}${excerpt}`;
}

export interface MessageFields {
	options: SendOptions;
	to: string[];
	text?: string;
	/** RingCentral's CreateSMSMessage body: from, to and (when given) text. */
	request: IDataObject;
}

/** Reads and checks what both operations send; throws before any request when a field is wrong. */
export function readMessageFields(context: IExecuteFunctions, itemIndex: number, textRequired: boolean): MessageFields {
	const node = context.getNode();
	const options = readSendOptions(context, itemIndex);
	const from = parseSender(node, itemIndex, context.getNodeParameter('from', itemIndex, '', { extractValue: true }), options.country);
	const to = parseRecipients(node, itemIndex, context.getNodeParameter('to', itemIndex, ''), options.country);
	const text = parseText(node, itemIndex, context.getNodeParameter('text', itemIndex, ''), textRequired);
	const request: IDataObject = { from: { phoneNumber: from }, to: to.map((phoneNumber) => ({ phoneNumber })) };
	if (text !== undefined) request.text = text;
	return { options, to, text, request };
}
