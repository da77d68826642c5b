/** Send (High Volume SMS): all items of a run in as few A2P batch requests as RingCentral allows; one result per item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { senderField, textField } from '../../descriptions/fields';
import { highVolumeRecipientField, highVolumeSendOptions } from '../../descriptions/highVolumeSms';
import { MAX_BATCH_BODY_BYTES, MAX_BATCH_MESSAGES, parseHighVolumeRecipient } from '../../helpers/highVolume';
import { invalidField, parseSender, parseText } from '../../helpers/validation';
import { ENDPOINTS, mayHaveBeenSent, ringCentralJson } from '../../transport';
import { readItemOptions } from '../readOptions';
import type { BatchOperation, BatchResult } from '../types';
import { batchBody, planBatches, type Batch, type HighVolumeMessage } from './batches';
import { batchAnswerResults, batchFailureResults, describeBatch, notSentError } from './outcomes';

/** Reads and checks one item; throws (before any request) when a field is wrong. */
function readItem(context: IExecuteFunctions, itemIndex: number): HighVolumeMessage {
	const node = context.getNode();
	const options = readItemOptions(context, itemIndex);
	const from = parseSender(node, itemIndex, context.getNodeParameter('from', itemIndex, '', { extractValue: true }), options.country);
	const to = parseHighVolumeRecipient(node, itemIndex, context.getNodeParameter('to', itemIndex, ''), options.country);
	const text = parseText(node, itemIndex, context.getNodeParameter('text', itemIndex, ''), true) as string;
	return { itemIndex, accountId: options.accountId, from, to, text, policy: options.policy };
}

/** Batch Size is one setting for the run: read from the first item. */
function readBatchSize(context: IExecuteFunctions, itemIndex: number): number {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const value = options.batchSize;
	if (value === undefined || value === null || value === '') return MAX_BATCH_MESSAGES;
	const size = Number(value);
	if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_MESSAGES) {
		throw invalidField(context.getNode(), itemIndex, 'Batch Size', value, `it must be a whole number from 1 to ${MAX_BATCH_MESSAGES.toLocaleString('en-US')}`, `Enter 1 to ${MAX_BATCH_MESSAGES}, or remove the option to use RingCentral's maximum.`);
	}
	return size;
}

/** One batch request; every item of the batch gets its result. */
async function sendBatch(context: IExecuteFunctions, credentialType: string, batch: Batch): Promise<{ results: BatchResult[]; failure?: Error }> {
	try {
		const answer = await ringCentralJson.call(context, credentialType, {
			endpoint: ENDPOINTS.a2pSendBatch,
			params: { accountId: batch.accountId },
			body: batchBody(batch),
			itemIndex: batch.messages[0].itemIndex,
			about: describeBatch(batch),
			policy: batch.policy,
		});
		return { results: batchAnswerResults(context.getNode(), batch, answer) };
	} catch (error) {
		return { results: batchFailureResults(context.getNode(), batch, error as Error), failure: error as Error };
	}
}

export const send: BatchOperation = {
	value: 'send',
	name: 'Send',
	action: 'Send high volume SMS',
	description: 'Send one text per item, thousands in one request, from a High Volume SMS (A2P) number',
	kind: 'batch',
	sends: true,
	properties: [
		senderField('getA2pSmsSenders', 'High Volume SMS', ': toll-free or local (10DLC) numbers that RingCentral enrolled in High Volume SMS'),
		highVolumeRecipientField,
		textField(true),
		highVolumeSendOptions,
	],

	/**
	 * Checks every item, then sends the valid ones in batches (https://developers.ringcentral.com/guide/messaging/sms/high-volume/sending-highvolume-sms).
	 * Without Continue On Fail an invalid item stops the run before anything is sent, and a batch
	 * refused as a whole stops later batches; a batch whose fate is unknown never stops the others.
	 */
	async execute(this: IExecuteFunctions, itemIndexes: number[], credentialType: string): Promise<BatchResult[]> {
		const node = this.getNode();
		const continueOnFail = this.continueOnFail();
		const results = new Map<number, BatchResult>();
		const maxMessages = readBatchSize(this, itemIndexes[0]);
		const messages: HighVolumeMessage[] = [];
		for (const itemIndex of itemIndexes) {
			try {
				messages.push(readItem(this, itemIndex));
			} catch (error) {
				// Without Continue On Fail the run stops here: nothing was sent yet.
				if (!continueOnFail) throw error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error, { itemIndex });
				results.set(itemIndex, error as Error);
			}
		}

		let stoppedBy: Error | undefined;
		for (const batch of planBatches(messages, { maxMessages, maxBodyBytes: MAX_BATCH_BODY_BYTES })) {
			if (stoppedBy) {
				for (const message of batch.messages) results.set(message.itemIndex, notSentError(node, message.itemIndex, stoppedBy));
				continue;
			}
			const { results: batchResults, failure } = await sendBatch(this, credentialType, batch);
			batch.messages.forEach((message, position) => results.set(message.itemIndex, batchResults[position]));
			if (failure && !continueOnFail && !mayHaveBeenSent(failure)) stoppedBy = failure;
		}
		return itemIndexes.map((itemIndex) => results.get(itemIndex) as BatchResult);
	},
};
