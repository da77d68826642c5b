/** Fields shared by operations (UI only): From, To, Text, Message ID, Return All / Limit. The registry adds where they show. */
import type { INodeProperties } from 'n8n-workflow';

/** From: the user's numbers that RingCentral enabled for this kind of message, or one typed in. */
export function senderField(listMethod: string, kind: string, extra = ''): INodeProperties {
	return {
		displayName: 'From',
		name: 'from',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `Your RingCentral number that sends the message. The list shows the numbers of the authenticated user that can send ${kind}${extra}.`,
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
						properties: { regex: '^[^A-Za-z]*[+(\\d][^A-Za-z]{6,}$', errorMessage: 'Enter a phone number, e.g. +16505550100' },
					},
				],
			},
		],
	};
}

export const recipientsField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+14155550100',
	description:
		'Phone number of the recipient. Several numbers (comma-separated, or an expression that gives a list; at most 10) make one group message in which every recipient sees the others, as RingCentral defines it. For private messages, send one item per recipient.',
};

export function textField(required: boolean): INodeProperties {
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
	};
}

/** Message ID: a message in RingCentral's message store. */
export function messageIdField(defaultValue = ''): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: defaultValue,
		required: true,
		placeholder: '315450330010',
		description: 'ID of the message in the RingCentral message store: the ID that Send SMS and Send MMS output, or that of a received message',
	};
}

/** n8n's Return All / Limit pair for list operations. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The message-list filters both resources share: creation time range (RingCentral's defaults: the 24 hours before Date To, which defaults to now). */
export const dateRangeFilters: INodeProperties[] = [
	{
		displayName: 'Date From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		description: 'Only messages created at or after this time. Without it RingCentral returns the 24 hours before Date To.',
	},
	{
		displayName: 'Date To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		description: 'Only messages created before this time. Default: now.',
	},
];

/** Direction of a message, as RingCentral names it. */
export const DIRECTIONS = [
	{ name: 'Inbound', value: 'Inbound', description: 'Received messages' },
	{ name: 'Outbound', value: 'Outbound', description: 'Sent messages' },
];
