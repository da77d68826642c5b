/** High Volume SMS batches: items grouped into as few requests as RingCentral's limits allow, and their request bodies. */
import type { IDataObject } from 'n8n-workflow';

import type { RequestPolicy } from '../../transport';

/** One checked item: its message and where it goes from. */
export interface HighVolumeMessage {
	itemIndex: number;
	accountId: string;
	from: string;
	to: string;
	text: string;
	policy: RequestPolicy;
}

export interface Batch {
	accountId: string;
	from: string;
	/** The policy of the batch's first item. */
	policy: RequestPolicy;
	/** In item order; position p is RingCentral's messages[p]. */
	messages: HighVolumeMessage[];
}

export interface BatchLimits {
	maxMessages: number;
	maxBodyBytes: number;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Bytes a message adds to the body when it carries its own text, the comma before it included. */
const messageBytes = (message: HighVolumeMessage) => jsonBytes({ to: [message.to], text: message.text }) + 1;

/** Bytes of a body without messages and without a top-level text. */
const envelopeBytes = (from: string) => jsonBytes({ from, messages: [] });

/**
 * Groups messages by account and sender (a batch has one `from`) and cuts each group into batches
 * of at most `maxMessages` messages and `maxBodyBytes` bytes of JSON. Sizes are counted with every
 * message carrying its text, an upper bound of the body `batchBody` builds. Batches are ordered by
 * their first item, so a later batch holds only later items.
 */
export function planBatches(messages: HighVolumeMessage[], limits: BatchLimits): Batch[] {
	const groups = new Map<string, HighVolumeMessage[]>();
	for (const message of messages) {
		const key = `${message.accountId}\u0000${message.from}`;
		const group = groups.get(key);
		if (group) group.push(message);
		else groups.set(key, [message]);
	}
	const batches: Batch[] = [];
	for (const group of groups.values()) {
		const envelope = envelopeBytes(group[0].from);
		let current: HighVolumeMessage[] = [];
		let bytes = envelope;
		for (const message of group) {
			const size = messageBytes(message);
			if (current.length > 0 && (current.length >= limits.maxMessages || bytes + size > limits.maxBodyBytes)) {
				batches.push(batchOf(current));
				current = [];
				bytes = envelope;
			}
			current.push(message);
			bytes += size;
		}
		if (current.length > 0) batches.push(batchOf(current));
	}
	return batches.sort((a, b) => a.messages[0].itemIndex - b.messages[0].itemIndex);
}

function batchOf(messages: HighVolumeMessage[]): Batch {
	const [first] = messages;
	return { accountId: first.accountId, from: first.from, policy: first.policy, messages };
}

/**
 * RingCentral's MessageBatchCreateRequest: `from`, the shared `text` at top level when every
 * message has the same one (each message then carries only `to`), otherwise `text` per message.
 * https://developers.ringcentral.com/guide/messaging/sms/high-volume/sending-highvolume-sms
 */
export function batchBody(batch: Batch): IDataObject {
	const shared = batch.messages.every((message) => message.text === batch.messages[0].text);
	if (shared) return { from: batch.from, text: batch.messages[0].text, messages: batch.messages.map((message) => ({ to: [message.to] })) };
	return { from: batch.from, messages: batch.messages.map((message) => ({ to: [message.to], text: message.text })) };
}

/** The request body's size in bytes, as sent (UTF-8 JSON). */
export const bodyBytes = (body: IDataObject) => jsonBytes(body);

/** An entry of the create answer's `rejected` list (RejectedRecipientResponseResource). */
export interface RejectedEntry {
	index?: number;
	to?: string[];
	errorCode?: string;
	description?: string;
}

/**
 * The batch positions (0-based) of RingCentral's rejected entries. The Guide gives `index` as
 * "the index position (starting from 1) … in the messages array"; the entry's `to` confirms it,
 * and when only the 0-based reading (or no index) matches `to`, the first unclaimed message with
 * that number is taken. Entries that match no message are left out.
 */
export function rejectedPositions(rejected: unknown, batch: Batch): Map<number, RejectedEntry> {
	const found = new Map<number, RejectedEntry>();
	if (!Array.isArray(rejected)) return found;
	const numberAt = (position: number) => batch.messages[position]?.to;
	for (const entry of rejected as RejectedEntry[]) {
		if (!entry || typeof entry !== 'object') continue;
		const to = Array.isArray(entry.to) ? String(entry.to[0] ?? '') : undefined;
		const index = Number(entry.index);
		const candidates = Number.isInteger(index) ? [index - 1, index] : [];
		let position = candidates.find((p) => !found.has(p) && numberAt(p) !== undefined && (to === undefined || numberAt(p) === to));
		if (position === undefined && to !== undefined) {
			position = batch.messages.findIndex((message, p) => message.to === to && !found.has(p));
			if (position < 0) position = undefined;
		}
		if (position !== undefined) found.set(position, entry);
	}
	return found;
}
