/** What a batch request means for each of its items: accepted output, RingCentral's rejection, or the batch's failure. */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { deliveryErrorFix } from '../../../../credentials/common/ringcentral/deliveryErrors';
import { fixFor } from '../../../../credentials/common/ringcentral/fixes';
import { excerpt } from '../../helpers/text';
import { mayHaveBeenSent, uncertainOutcome } from '../../transport';
import type { BatchResult } from '../types';
import { rejectedPositions, type Batch, type HighVolumeMessage, type RejectedEntry } from './batches';

/** Names a batch request in errors: its size and sender. */
export const describeBatch = (batch: Batch) => `High Volume SMS batch of ${batch.messages.length} message${batch.messages.length === 1 ? '' : 's'} from ${batch.from}`;

/** Names one message of a batch in errors. */
const describeMessage = (message: HighVolumeMessage, batch: Batch) =>
	`High Volume SMS to ${message.to} "${excerpt(message.text, 30)}" (one of ${batch.messages.length} in a batch request from ${batch.from})`;

/**
 * Each item's result from RingCentral's MessageBatchResponse: the batch for an accepted message,
 * a NodeApiError with RingCentral's code and the fix for a rejected one (`rejected[]`).
 */
export function batchAnswerResults(node: INode, batch: Batch, answer: IDataObject): BatchResult[] {
	const rejected = rejectedPositions(answer.rejected, batch);
	return batch.messages.map((message, position) => {
		const entry = rejected.get(position);
		if (entry) return rejectionError(node, message, batch, answer, entry);
		const json: IDataObject = {
			batchId: answer.id,
			batchStatus: answer.status,
			batchSize: answer.batchSize,
			rejectedInBatch: rejected.size,
			from: answer.from ?? batch.from,
			to: message.to,
			text: message.text,
			creationTime: answer.creationTime,
		};
		return [{ json }];
	});
}

function rejectionError(node: INode, message: HighVolumeMessage, batch: Batch, answer: IDataObject, entry: RejectedEntry): NodeApiError {
	const code = typeof entry.errorCode === 'string' && entry.errorCode !== '' ? entry.errorCode : 'rejected';
	const reason = typeof entry.description === 'string' && entry.description !== '' ? entry.description : 'RingCentral gave no details';
	// Rejected entries carry RingCentral's SMS delivery codes (SMS-RC-413…): one table explains them for both resources.
	const fix = deliveryErrorFix(code) ?? fixFor(code, 400) ?? 'Check the number; RingCentral did not send this message.';
	return new NodeApiError(node, { errorCode: code, message: reason } as JsonObject, {
		message: `RingCentral error ${code}: ${reason} (${message.to})`,
		description: `${fix} Nothing was sent to ${message.to}; the other messages of batch ${String(answer.id ?? '')} were accepted.`,
		itemIndex: message.itemIndex,
	});
}

/**
 * One error per item when the batch request failed as a whole. An uncertain outcome (RingCentral
 * may have taken the batch) marks every item "may or may not have been sent", so neither n8n's
 * Retry On Fail nor the node sends any of them again; other failures are copied to every item.
 */
export function batchFailureResults(node: INode, batch: Batch, error: Error): BatchResult[] {
	if (mayHaveBeenSent(error)) {
		const prefix = `The ${describeBatch(batch)} may or may not have been sent: `;
		const what = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
		const httpCode = (error as NodeApiError).httpCode;
		return batch.messages.map((message) => {
			const itemError = uncertainOutcome({ node, itemIndex: message.itemIndex, about: describeMessage(message, batch), scrub: (text) => text }, what, httpCode ? Number(httpCode) : undefined);
			itemError.description =
				"None of the batch's messages was sent again, so that none can arrive twice. Look for them with High Volume SMS > Get Many Messages (a date range around this run and the recipient's number) before sending these items again.";
			return itemError;
		});
	}
	return batch.messages.map((message) => copyForItem(node, error, message.itemIndex));
}

/** The same error, for another item: n8n shows each failed item with its own index. */
export function copyForItem(node: INode, error: Error, itemIndex: number): Error {
	const description = (error as NodeApiError).description ?? undefined;
	if (error instanceof NodeApiError) {
		return new NodeApiError(node, { message: error.message } as JsonObject, { message: error.message, description, httpCode: error.httpCode ?? undefined, itemIndex });
	}
	return new NodeOperationError(node, error.message, { description, itemIndex });
}

/** Items of batches not sent because an earlier batch failed and Continue On Fail is off. */
export function notSentError(node: INode, itemIndex: number, cause: Error): NodeOperationError {
	return new NodeOperationError(node, `Not sent: an earlier High Volume SMS batch of this run failed (${cause.message})`, {
		itemIndex,
		description: 'Fix the cause and run again, or turn on Continue On Fail (node settings > On Error) to send the other batches anyway.',
	});
}
