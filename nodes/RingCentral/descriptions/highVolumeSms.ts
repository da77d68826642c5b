/** Fields of the High Volume SMS operations (UI only): Batch Size, Batch ID, list filters, Return All / Limit. */
import type { INodeProperties } from 'n8n-workflow';

import { dateRangeFilters, DIRECTIONS } from './fields';
import { accountIdOption, countryOption, optionsCollection, requestOptions } from './options';

/** Request options that matter to reads: a read is repeatable, so Retry on Server Errors adds nothing. */
const readRequestOptions = requestOptions.filter((option) => option.name !== 'retryOnServerErrors');

const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10000 },
	default: 10000,
	description:
		"Most messages per batch request, 1 to 10,000 (RingCentral's limit). The run's items go out in as few requests as this allows; a request also stays under RingCentral's 50 MB body limit.",
};

export const highVolumeSendOptions: INodeProperties = optionsCollection([accountIdOption, batchSizeOption, countryOption, ...requestOptions]);

export const highVolumeRecipientField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+14155550100',
	description: 'One US or Canadian phone number per item. Each item becomes one private message of the batch; group messages do not exist in High Volume SMS.',
};

export const batchIdField: INodeProperties = {
	displayName: 'Batch ID',
	name: 'batchId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '3157ac7d-baab-4d0e-1453-deada6c735d2',
	description: 'The batch ID that Send gave (its output field batchId)',
};

export const optionalBatchIdField: INodeProperties = {
	...batchIdField,
	required: false,
	description: 'Only the messages of this batch (the batchId field of the Send output). Empty: the messages of the date range in Filters.',
};

/** Options of the reads: the account and how hard a request tries. */
export const highVolumeReadOptions: INodeProperties = optionsCollection([accountIdOption, ...readRequestOptions]);


/** RingCentral's A2P message statuses (MessageListMessageResponse.messageStatus). */
export const MESSAGE_STATUSES = ['Queued', 'Sent', 'Delivered', 'SendingFailed', 'DeliveryFailed'] as const;

export const messageFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		...dateRangeFilters,
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			options: [{ name: 'Both', value: '' }, ...DIRECTIONS],
			default: '',
		},
		{
			displayName: 'Message Status',
			name: 'messageStatus',
			type: 'multiOptions',
			options: [
				{ name: 'Delivered', value: 'Delivered' },
				{ name: 'Delivery Failed', value: 'DeliveryFailed' },
				{ name: 'Queued', value: 'Queued' },
				{ name: 'Sending Failed', value: 'SendingFailed' },
				{ name: 'Sent', value: 'Sent' },
			],
			default: [],
			description: 'Only messages with one of these statuses. None chosen: every status.',
		},
		{
			displayName: 'Phone Numbers',
			name: 'phoneNumbers',
			type: 'string',
			default: '',
			placeholder: '+14155550100, +14155550101',
			description: 'Only messages from or to one of these numbers, comma-separated, at most 15',
		},
	],
};

export const messageOptions: INodeProperties = optionsCollection([
	accountIdOption,
	countryOption,
	{
		displayName: 'Include Text',
		name: 'includeText',
		type: 'boolean',
		default: false,
		description: "Whether to include each message's text (RingCentral's Detailed view)",
	},
	...readRequestOptions,
]);

export const optOutOptions: INodeProperties = optionsCollection([
	accountIdOption,
	countryOption,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Opted In', value: 'optin', description: 'Recipients who opted back in with START (or similar)' },
			{ name: 'Opted Out', value: 'optout', description: 'Recipients who replied STOP (or similar) and get no messages' },
		],
		default: 'optout',
	},
	...readRequestOptions,
]);
