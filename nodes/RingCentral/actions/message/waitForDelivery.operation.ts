/** Wait for Delivery: polls the messages of all items together until each is delivered, failed or timed out. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { messageIdField } from '../../descriptions/fields';
import { storeOptionsField } from '../../descriptions/options';
import { invalidField } from '../../helpers/validation';
import type { BatchOperation, BatchResult } from '../types';
import { pollUntilSettled, type Waiter } from './deliveryPoller';
import { readMessageRef } from './store';

const MAX_WAIT_SECONDS = 3600;

const fields: INodeProperties[] = [
	{
		displayName: 'Wait Timeout (Seconds)',
		name: 'waitTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
		default: 120,
		description: 'How long to wait for a final status before the item fails with the last status seen. 1 to 3600.',
	},
	{
		displayName: 'Treat Sent as Final',
		name: 'treatSentAsFinal',
		type: 'boolean',
		default: false,
		description:
			'Whether Sent (handed to the carrier) ends the wait as a success. Turn on for carriers that never report delivery; off, the node waits for Delivered and a message still Sent at the timeout fails.',
	},
];

function readWaiter(context: IExecuteFunctions, itemIndex: number, startedAt: number): Waiter {
	const ref = readMessageRef(context, itemIndex);
	const raw = context.getNodeParameter('waitTimeout', itemIndex, 120);
	const waitSeconds = typeof raw === 'number' ? raw : Number(raw);
	if (!Number.isFinite(waitSeconds) || waitSeconds < 1 || waitSeconds > MAX_WAIT_SECONDS) {
		throw invalidField(context.getNode(), itemIndex, 'Wait Timeout', raw, `it must be a number of seconds from 1 to ${MAX_WAIT_SECONDS}`, "Enter how long to wait, e.g. 120. For longer waits, use n8n's Wait node and then Message > Get.");
	}
	return {
		itemIndex,
		messageId: ref.messageId,
		params: ref.params,
		policy: ref.options.policy,
		deadline: startedAt + waitSeconds * 1000,
		waitSeconds,
		sentIsFinal: context.getNodeParameter('treatSentAsFinal', itemIndex, false) === true,
	};
}

/**
 * A batch operation: the items' messages are read together, many IDs per request
 * (https://developers.ringcentral.com/guide/basics/batch-requests), so a round of polling costs
 * one Light request per 30 messages instead of one per message. Final: Delivered (the message
 * info is the output), DeliveryFailed or SendingFailed (an item error that explains
 * deliveryErrorCode); Sent too with Treat Sent as Final.
 */
export const waitForDelivery: BatchOperation = {
	value: 'waitForDelivery',
	name: 'Wait for Delivery',
	action: 'Wait for a message to be delivered',
	description: 'Wait until sent messages are delivered or fail; all items are checked together',
	kind: 'batch',
	sends: false,
	properties: [messageIdField('={{ $json.id }}'), ...fields, storeOptionsField()],

	async execute(this: IExecuteFunctions, itemIndexes: number[], credentialType: string): Promise<BatchResult[]> {
		const startedAt = Date.now();
		const refused: Array<Error | undefined> = [];
		const waiters: Waiter[] = [];
		itemIndexes.forEach((itemIndex, position) => {
			try {
				waiters.push(readWaiter(this, itemIndex, startedAt));
			} catch (error) {
				refused[position] = error as Error;
			}
		});
		// Without Continue On Fail a refused item ends the run: then nothing is polled at all.
		if (refused.some(Boolean) && !this.continueOnFail()) return itemIndexes.map((_, position) => refused[position] ?? []);
		const settled = await pollUntilSettled.call(this, credentialType, waiters);
		return itemIndexes.map((itemIndex, position) => refused[position] ?? settled.get(itemIndex) ?? new Error('The message was not polled'));
	},
};
