/** Get Many Messages (High Volume SMS): the A2P message log by batch and/or time range, one item per message. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/fields';
import { MESSAGE_STATUSES, messageFilters, messageOptions, optionalBatchIdField } from '../../descriptions/highVolumeSms';
import { keyFieldsFirst } from '../../helpers/messageInfo';
import { toE164, splitRecipients } from '../../helpers/phoneNumbers';
import { invalidField } from '../../helpers/validation';
import { ENDPOINTS, readAllPages } from '../../transport';
import { readItemOptions, readLimit } from '../readOptions';
import type { ItemOperation } from '../types';
import { parseBatchId } from './getBatch.operation';

/** RingCentral's phoneNumber filter takes at most 15 numbers. */
const MAX_PHONE_NUMBERS = 15;

/** A Date Filter value as RingCentral wants it: ISO 8601 with time zone (UTC). */
function isoDate(context: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const candidate = value as { toISO?: () => string };
	const text = value instanceof Date ? value.toISOString() : typeof candidate.toISO === 'function' ? candidate.toISO() : String(value);
	const time = Date.parse(text);
	if (Number.isNaN(time)) {
		throw invalidField(context.getNode(), itemIndex, field, value, 'it is not a date and time', 'Pick a date in the field, or give an ISO 8601 value such as 2025-01-31T08:00:00Z.');
	}
	return new Date(time).toISOString();
}

function readQuery(context: IExecuteFunctions, itemIndex: number, country: string): { qs: IDataObject; statuses: Set<string> } {
	const node = context.getNode();
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const batchId = parseBatchId(context, itemIndex, context.getNodeParameter('batchId', itemIndex, ''), false);
	if (batchId) qs.batchId = batchId;
	const dateFrom = isoDate(context, itemIndex, 'Date From', filters.dateFrom);
	const dateTo = isoDate(context, itemIndex, 'Date To', filters.dateTo);
	if (dateFrom && dateTo && dateFrom > dateTo) {
		throw invalidField(node, itemIndex, 'Date From', filters.dateFrom, `it is after Date To (${dateTo})`, 'Swap the dates, or clear one of them.');
	}
	if (dateFrom) qs.dateFrom = dateFrom;
	if (dateTo) qs.dateTo = dateTo;
	if (filters.direction === 'Inbound' || filters.direction === 'Outbound') qs.direction = filters.direction;
	const numbers = splitRecipients(filters.phoneNumbers).map((entry) => {
		const result = toE164(String(entry), country);
		if ('problem' in result) throw invalidField(node, itemIndex, 'Phone Numbers', entry, result.problem, 'Use E.164 such as +14155550100, comma-separated.');
		return result.e164;
	});
	if (numbers.length > MAX_PHONE_NUMBERS) {
		throw invalidField(node, itemIndex, 'Phone Numbers', filters.phoneNumbers, `${numbers.length} numbers, but RingCentral filters by at most ${MAX_PHONE_NUMBERS}`, 'Give at most 15 numbers, or run the operation once per group of numbers.');
	}
	if (numbers.length) qs.phoneNumber = numbers;
	if (options.includeText === true) qs.view = 'Detailed';
	const chosen = Array.isArray(filters.messageStatus) ? filters.messageStatus.map(String) : [];
	const unknown = chosen.filter((status) => !(MESSAGE_STATUSES as readonly string[]).includes(status));
	if (unknown.length) throw invalidField(node, itemIndex, 'Message Status', unknown.join(', '), 'it is not a RingCentral message status', `Pick from: ${MESSAGE_STATUSES.join(', ')}.`);
	return { qs, statuses: new Set(chosen) };
}

export const getManyMessages: ItemOperation = {
	value: 'getManyMessages',
	name: 'Get Many Messages',
	action: 'Get many high volume SMS messages',
	description: 'List High Volume SMS messages of a batch or a time range, with delivery status and error code',
	kind: 'item',
	sends: false,
	properties: [optionalBatchIdField, ...returnAllFields, messageFilters, messageOptions],

	/**
	 * GET /restapi/v1.0/account/{accountId}/a2p-sms/messages, every page by `pageToken` until
	 * Limit: one item per MessageListMessageResponse (id, batchId, from, to[], messageStatus,
	 * errorCode such as SMS-CAR-411, segmentCount, cost, creationTime, direction, text when asked).
	 * Message Status filters the pages RingCentral returns. Without Batch ID or dates RingCentral
	 * lists the last 24 hours. https://developers.ringcentral.com/guide/messaging/sms/high-volume/message-store
	 */
	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const options = readItemOptions(this, itemIndex);
		const { qs, statuses } = readQuery(this, itemIndex, options.country);
		const limit = readLimit(this, itemIndex);
		const records = await readAllPages.call(
			this,
			credentialType,
			{ endpoint: ENDPOINTS.a2pListMessages, params: { accountId: options.accountId }, qs, itemIndex, policy: options.policy },
			{ perPage: 1000, limit, byToken: true, keep: statuses.size ? (record) => statuses.has(String(record.messageStatus)) : undefined },
		);
		return records.map((json) => ({ json: keyFieldsFirst(json) }));
	},
};
