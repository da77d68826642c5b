/** Wait for Delivery's polling: all pending messages in bulk reads of up to 30 IDs per round, rounds spaced by backoff and a share of the Light group. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { explainDeliveryError } from '../../../../credentials/common/ringcentral/deliveryErrors';
import { sleepMs } from '../../../../credentials/common/ringcentral/sleep';
import { keyFieldsFirst } from '../../helpers/messageInfo';
import { deliveryOf } from '../../helpers/messageStatus';
import { chunks, nextWaitMs, POLL } from '../../helpers/pollSchedule';
import { ENDPOINTS, readByIds, type BulkAnswer, type RequestPolicy } from '../../transport';
import type { BatchResult } from '../types';
import { explainNotFound } from './store';

/** One item waiting for its message. */
export interface Waiter {
	itemIndex: number;
	messageId: string;
	/** The store the message is read from. */
	params: { accountId: string; extensionId: string };
	policy: RequestPolicy;
	/** When the item gives up (ms since the epoch). */
	deadline: number;
	waitSeconds: number;
	sentIsFinal: boolean;
}

const storeKey = (waiter: Waiter) => `${waiter.params.accountId}/${waiter.params.extensionId}`;
const answerKey = (waiter: Waiter) => `${storeKey(waiter)}|${waiter.messageId}`;

/** The same error for another item: one request's failure belongs to every item it polled for. */
function forItem(error: Error, itemIndex: number): Error {
	const own = error as Error & { context?: IDataObject };
	if (own.context?.itemIndex === itemIndex) return error;
	const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error & { context?: IDataObject }, error);
	copy.message = error.message;
	copy.stack = error.stack;
	copy.context = { ...own.context, itemIndex };
	return copy;
}

function recipientsOf(info: IDataObject): string {
	const to = Array.isArray(info.to) ? (info.to as IDataObject[]) : [];
	return to.map((recipient) => String(recipient.phoneNumber ?? '')).filter(Boolean).join(', ');
}

/** The item's outcome from its message's info, or undefined while it is still pending and in time. */
function settle(context: IExecuteFunctions, waiter: Waiter, info: IDataObject, now: number): BatchResult | undefined {
	const node = context.getNode();
	const { itemIndex, messageId } = waiter;
	const delivery = deliveryOf(info, waiter.sentIsFinal);
	switch (delivery.state) {
		case 'delivered':
		case 'sent':
			return [{ json: keyFieldsFirst(info) }];
		case 'inbound':
			return new NodeOperationError(node, `Message ${messageId} is a received message (status ${String(info.messageStatus)}): there is no delivery to wait for`, {
				itemIndex,
				description: 'Map the ID that Send SMS or Send MMS output, e.g. {{ $json.id }} right after it.',
			});
		case 'failed': {
			const { meaning, fix } = explainDeliveryError(delivery.errorCode);
			const who = delivery.failed.some((recipient) => recipient.phoneNumber) ? ` to ${delivery.failed.map((r) => r.phoneNumber).filter(Boolean).join(', ')}` : '';
			return new NodeOperationError(node, `Message ${messageId}${who} was not delivered: ${delivery.status}${delivery.errorCode ? ` (${delivery.errorCode})` : ''}, ${meaning}`, {
				itemIndex,
				description: fix,
			});
		}
		case 'pending': {
			if (now < waiter.deadline) return undefined;
			const to = recipientsOf(info);
			const description =
				delivery.status === 'Sent'
					? "RingCentral passed it to the carrier, which has not confirmed delivery. Some carriers never report delivery: turn on Treat Sent as Final to accept Sent, or raise Wait Timeout."
					: 'RingCentral has not finished sending it. Raise Wait Timeout, or look at it later with Message > Get.';
			return new NodeOperationError(node, `Message ${messageId}${to ? ` to ${to}` : ''} was still ${delivery.status} after waiting ${waiter.waitSeconds} s`, { itemIndex, description });
		}
	}
}

/** One round: every distinct pending message read once, grouped by store, 30 IDs per request. */
async function pollRound(context: IExecuteFunctions, credentialType: string, open: Waiter[]): Promise<{ answers: Map<string, IDataObject | Error>; requests: number; rateLimit?: BulkAnswer['rateLimit'] }> {
	const stores = new Map<string, { first: Waiter; ids: Set<string> }>();
	for (const waiter of open) {
		const store = stores.get(storeKey(waiter)) ?? { first: waiter, ids: new Set<string>() };
		store.ids.add(waiter.messageId);
		stores.set(storeKey(waiter), store);
	}
	const answers = new Map<string, IDataObject | Error>();
	let requests = 0;
	let rateLimit: BulkAnswer['rateLimit'];
	for (const [key, { first, ids }] of stores) {
		for (const chunk of chunks([...ids], POLL.idsPerRequest)) {
			requests++;
			try {
				const answer = await readByIds.call(context, credentialType, {
					single: ENDPOINTS.readMessage,
					bulk: ENDPOINTS.readMessages,
					idParam: 'messageId',
					ids: chunk,
					params: first.params,
					itemIndex: first.itemIndex,
					policy: first.policy,
				});
				rateLimit = answer.rateLimit ?? rateLimit;
				for (const [id, value] of answer.results) answers.set(`${key}|${id}`, value);
			} catch (error) {
				for (const id of chunk) answers.set(`${key}|${id}`, error as Error);
			}
		}
	}
	return { answers, requests, rateLimit };
}

/**
 * Polls until every waiter's message is settled or its deadline passed. Round n costs one
 * request per 30 distinct pending IDs; the wait after it is the longer of a backoff (1 s growing
 * ×1.5 to 20 s) and the time that keeps polling within half of the Light limit RingCentral
 * reports (50 per 60 s by default), but never past the next deadline, so the last status seen is fresh.
 */
export async function pollUntilSettled(this: IExecuteFunctions, credentialType: string, waiters: Waiter[]): Promise<Map<number, BatchResult>> {
	const results = new Map<number, BatchResult>();
	let rateLimit: BulkAnswer['rateLimit'];
	for (let round = 0; ; round++) {
		const open = waiters.filter((waiter) => !results.has(waiter.itemIndex));
		if (open.length === 0) return results;
		if (this.getExecutionCancelSignal?.()?.aborted) {
			for (const waiter of open) results.set(waiter.itemIndex, new NodeOperationError(this.getNode(), 'The execution was stopped while waiting for delivery', { itemIndex: waiter.itemIndex }));
			return results;
		}
		const polled = await pollRound(this, credentialType, open);
		rateLimit = polled.rateLimit ?? rateLimit;
		const now = Date.now();
		for (const waiter of open) {
			const answer = polled.answers.get(answerKey(waiter));
			if (answer instanceof Error) results.set(waiter.itemIndex, explainNotFound(forItem(answer, waiter.itemIndex), waiter) as Error);
			else if (answer) {
				const outcome = settle(this, waiter, answer, now);
				if (outcome) results.set(waiter.itemIndex, outcome);
			}
		}
		const pending = open.filter((waiter) => !results.has(waiter.itemIndex));
		if (pending.length === 0) return results;
		const untilDeadline = Math.min(...pending.map((waiter) => waiter.deadline)) - Date.now();
		await sleepMs(nextWaitMs(round, polled.requests, untilDeadline, rateLimit?.limit, rateLimit?.windowMs));
	}
}
