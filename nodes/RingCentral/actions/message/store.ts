/** What every message-store operation reads of an item: its Options and the Message ID, checked before any request. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { parseRecordId } from '../../helpers/validation';
import { readItemOptions, type ItemOptions } from '../readOptions';

export const MESSAGE_ID_FIX = 'Enter the ID of a message, or map it, e.g. {{ $json.id }} after Send SMS.';

export interface MessageRef {
	options: ItemOptions;
	messageId: string;
	/** The store's path params. */
	params: { accountId: string; extensionId: string };
}

export function readMessageRef(context: IExecuteFunctions, itemIndex: number): MessageRef {
	const options = readItemOptions(context, itemIndex);
	const messageId = parseRecordId(context.getNode(), itemIndex, 'Message ID', context.getNodeParameter('messageId', itemIndex, ''), MESSAGE_ID_FIX);
	return { options, messageId, params: { accountId: options.accountId, extensionId: options.extensionId } };
}

/** A 404 on a message read means the message is not in that store: say so instead of RingCentral's generic words. */
export function explainNotFound(error: unknown, ref: Pick<MessageRef, 'messageId' | 'params'>): unknown {
	if (!(error instanceof NodeApiError) || error.httpCode !== '404') return error;
	const store = ref.params.extensionId === '~' ? "the authenticated user's message store" : `the message store of extension ${ref.params.extensionId}`;
	error.message = `Message ${ref.messageId} was not found in ${store} (RingCentral error CMN-102)`;
	error.description =
		"Check the Message ID. A message is found only in the store of the extension that sent or received it: set Options > Extension ID to that extension. Deleted messages are purged after a while.";
	return error;
}
