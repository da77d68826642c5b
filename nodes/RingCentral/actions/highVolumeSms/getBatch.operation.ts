/** Get Batch (High Volume SMS): a batch's status, processed count and cost, by its ID. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { batchIdField, highVolumeReadOptions } from '../../descriptions/highVolumeSms';
import { invalidField, parsePathId } from '../../helpers/validation';
import { ENDPOINTS, ringCentralJson } from '../../transport';
import { readRequestPolicy } from '../readOptions';
import type { ItemOperation } from '../types';

/** RingCentral's batch IDs are UUIDs; older ones are numbers. */
const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function parseBatchId(context: IExecuteFunctions, itemIndex: number, value: unknown, required: boolean): string | undefined {
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (id === '' && !required) return undefined;
	if (!BATCH_ID.test(id)) {
		throw invalidField(context.getNode(), itemIndex, 'Batch ID', value ?? '', id === '' ? 'it is empty' : 'it is not a RingCentral batch ID (letters, digits and dashes)', 'Map the batchId field of the Send output, e.g. {{ $json.batchId }}.');
	}
	return id;
}

export const getBatch: ItemOperation = {
	value: 'getBatch',
	name: 'Get Batch',
	action: 'Get a high volume SMS batch',
	description: "A batch's status (Processing or Completed), how many of its messages were processed, and its cost",
	kind: 'item',
	sends: false,
	properties: [batchIdField, highVolumeReadOptions],

	/**
	 * GET /restapi/v1.0/account/{accountId}/a2p-sms/batches/{batchId} → RingCentral's
	 * MessageBatchResponse: id, from, batchSize, processedCount, status, creationTime,
	 * lastModifiedTime, cost (once Completed) and an always empty `rejected`.
	 * https://developers.ringcentral.com/guide/messaging/sms/high-volume/message-store#read-individual-batch
	 */
	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const options = this.getNodeParameter('options', itemIndex, {}) as { accountId?: unknown };
		const accountId = parsePathId(this.getNode(), itemIndex, 'Account ID', options.accountId);
		const batchId = parseBatchId(this, itemIndex, this.getNodeParameter('batchId', itemIndex, ''), true) as string;
		const json = await ringCentralJson.call(this, credentialType, {
			endpoint: ENDPOINTS.a2pGetBatch,
			params: { accountId, batchId },
			itemIndex,
			policy: readRequestPolicy(this, itemIndex),
		});
		return [{ json }];
	},
};
