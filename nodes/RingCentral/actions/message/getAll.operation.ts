/** Get Many: messages of the message store by RingCentral's filters, every page read; one item per message. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dateRangeFilters, DIRECTIONS, returnAllFields } from '../../descriptions/fields';
import { storeOptionsField } from '../../descriptions/options';
import { toRingCentralDate } from '../../helpers/dates';
import { keyFieldsFirst } from '../../helpers/messageInfo';
import { toE164 } from '../../helpers/phoneNumbers';
import { invalidField, parseRecordId } from '../../helpers/validation';
import { ENDPOINTS, readAllPages } from '../../transport';
import { readItemOptions } from '../readOptions';
import type { ItemOperation } from '../types';

const fields: INodeProperties[] = [
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'multiOptions',
		options: [
			{ name: 'Fax', value: 'Fax' },
			{ name: 'Pager', value: 'Pager' },
			{ name: 'SMS', value: 'SMS', description: 'Texts and MMS' },
			{ name: 'Voicemail', value: 'VoiceMail' },
		],
		default: ['SMS'],
		description: 'Kinds of messages to return; none selected returns every kind',
	},
	...returnAllFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				description: 'Only messages of this conversation (the conversationId of a message)',
			},
			...dateRangeFilters,
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: DIRECTIONS,
				default: 'Inbound',
			},
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: '+14155550100',
				description: 'Only messages to or from this number',
			},
			{
				displayName: 'Read Status',
				name: 'readStatus',
				type: 'options',
				options: [
					{ name: 'Read', value: 'Read' },
					{ name: 'Unread', value: 'Unread' },
				],
				default: 'Unread',
			},
		],
	},
];

/** RingCentral's listMessages query (https://developers.ringcentral.com/api-reference/Message-Store/listMessages), checked. */
function readQuery(context: IExecuteFunctions, itemIndex: number, country: string): IDataObject {
	const node = context.getNode();
	const qs: IDataObject = {};
	const types = context.getNodeParameter('messageType', itemIndex, ['SMS']) as string[];
	if (types.length > 0) qs.messageType = types;
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	if (filters.direction) qs.direction = filters.direction;
	if (filters.readStatus) qs.readStatus = filters.readStatus;
	for (const [name, label] of [['dateFrom', 'Date From'], ['dateTo', 'Date To']] as const) {
		if (filters[name] === undefined || filters[name] === '' || filters[name] === null) continue;
		const date = toRingCentralDate(filters[name], context.getTimezone());
		if ('problem' in date) throw invalidField(node, itemIndex, label, filters[name], date.problem, 'Pick a date and time, or map an ISO 8601 date such as 2024-05-01T09:30:00Z.');
		qs[name] = date.iso;
	}
	if (qs.dateFrom && qs.dateTo && String(qs.dateFrom) > String(qs.dateTo)) {
		throw invalidField(node, itemIndex, 'Date From', filters.dateFrom, `it is after Date To (${String(qs.dateTo)})`, 'Swap the two dates.');
	}
	if (filters.phoneNumber !== undefined && filters.phoneNumber !== '') {
		const number = toE164(String(filters.phoneNumber), country);
		if ('problem' in number) throw invalidField(node, itemIndex, 'Phone Number', filters.phoneNumber, number.problem, 'Use E.164 such as +14155550100, or set Options > Country for national spellings.');
		qs.phoneNumber = number.e164;
	}
	if (filters.conversationId !== undefined && filters.conversationId !== '') {
		qs.conversationId = parseRecordId(node, itemIndex, 'Conversation ID', filters.conversationId, 'Map the conversationId of a message.');
	}
	return qs;
}

export const getAll: ItemOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many messages',
	description: 'List messages of the message store by type, direction, read status, date, number or conversation',
	kind: 'item',
	sends: false,
	properties: [...fields, storeOptionsField(true)],

	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const options = readItemOptions(this, itemIndex);
		const qs = readQuery(this, itemIndex, options.country);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
		const limit = returnAll ? undefined : Number(this.getNodeParameter('limit', itemIndex, 50));
		if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
			throw invalidField(this.getNode(), itemIndex, 'Limit', limit, 'it must be a whole number of at least 1', 'Enter how many messages to return, or turn on Return All.');
		}
		const records = await readAllPages.call(
			this,
			credentialType,
			{ endpoint: ENDPOINTS.listMessages, params: { accountId: options.accountId, extensionId: options.extensionId }, qs, itemIndex, policy: options.policy },
			{ limit },
		);
		return records.map((json) => ({ json: keyFieldsFirst(json) }));
	},
};
