// High Volume SMS state: batches, messages going Queued → Sent → Delivered over time, opt-outs, delivery failures.
// Durations scale with options.a2p.timeScale; tests set opt-outs and failures with optOut()/failDelivery().
import { randomUUID } from 'node:crypto';

import type { A2pOptions } from './types';

/** One message a second, delivered 2 s after it was sent (times a2p.timeScale). */
const SEND_INTERVAL_MS = 1000;
const DELIVERY_MS = 2000;
/** RingCentral's examples price a segment at $0.007. */
const COST_PER_SEGMENT = 0.007;

export type A2pMessageStatus = 'Queued' | 'Sent' | 'Delivered' | 'SendingFailed' | 'DeliveryFailed';

export interface A2pMessage {
	id: string;
	batchId: string;
	from: string;
	to: string;
	text: string;
	createdAt: number;
	/** When it leaves the queue (Sent) and when its delivery is known. */
	sentAt: number;
	settledAt: number;
	/** Set when delivery fails: the error code it gets (e.g. SMS-CAR-411). */
	failure?: string;
	segmentCount: number;
}

export interface A2pRejected {
	index: number;
	to: string[];
	errorCode: string;
	description: string;
}

export interface A2pBatch {
	id: string;
	from: string;
	createdAt: number;
	messages: A2pMessage[];
}

export interface A2pOptOut {
	from: string;
	to: string;
	status: 'OptOut' | 'OptIn';
	source: 'Recipient' | 'Account' | 'Upstream' | 'Carrier';
}

/** GSM-7 texts take 160 characters a segment (153 when split), others 70 (67), as carriers count. */
export function segmentsOf(text: string): number {
	const gsm = /^[\n\r A-Za-z0-9@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~\]|€]*$/.test(text);
	const [single, multi] = gsm ? [160, 153] : [70, 67];
	return text.length <= single ? 1 : Math.ceil(text.length / multi);
}

const iso = (time: number) => new Date(time).toISOString();

export class A2pStore {
	readonly batches: A2pBatch[] = [];
	readonly messages: A2pMessage[] = [];
	/** Keyed by sender, then recipient (E.164). */
	readonly optOuts = new Map<string, Map<string, A2pOptOut>>();
	private readonly failures = new Map<string, string>();
	private lastMessageId = 700000000;

	constructor(private readonly options: Required<A2pOptions>) {}

	/** A recipient replied STOP to `from` (or an admin opted them out). */
	optOut(from: string, to: string, source: A2pOptOut['source'] = 'Recipient'): void {
		const bySender = this.optOuts.get(from) ?? new Map<string, A2pOptOut>();
		bySender.set(to, { from, to, status: 'OptOut', source });
		this.optOuts.set(from, bySender);
	}

	/** A recipient replied START: listed as OptIn, texts reach them again. */
	optIn(from: string, to: string): void {
		const entry = this.optOuts.get(from)?.get(to);
		if (entry) entry.status = 'OptIn';
	}

	isOptedOut(from: string, to: string): boolean {
		return this.optOuts.get(from)?.get(to)?.status === 'OptOut';
	}

	/** Messages to `to` accepted from now on fail delivery with this code. */
	failDelivery(to: string, errorCode: string): void {
		this.failures.set(to, errorCode);
	}

	/** Stores an accepted batch; its messages leave the queue one after another. */
	createBatch(from: string, accepted: { to: string; text: string }[], now = Date.now()): A2pBatch {
		const batch: A2pBatch = { id: randomUUID(), from, createdAt: now, messages: [] };
		const scale = this.options.timeScale;
		accepted.forEach(({ to, text }, position) => {
			const sentAt = now + Math.round((position + 1) * SEND_INTERVAL_MS * scale);
			const message: A2pMessage = {
				id: String(++this.lastMessageId),
				batchId: batch.id,
				from,
				to,
				text,
				createdAt: now,
				sentAt,
				settledAt: sentAt + Math.round(DELIVERY_MS * scale),
				segmentCount: segmentsOf(text),
			};
			const failure = this.failures.get(to);
			if (failure) message.failure = failure;
			batch.messages.push(message);
			this.messages.push(message);
		});
		this.batches.push(batch);
		return batch;
	}

	statusOf(message: A2pMessage, now = Date.now()): { status: A2pMessageStatus; lastModified: number } {
		if (now < message.sentAt) return { status: 'Queued', lastModified: message.createdAt };
		if (now < message.settledAt) return { status: 'Sent', lastModified: message.sentAt };
		return { status: message.failure ? 'DeliveryFailed' : 'Delivered', lastModified: message.settledAt };
	}

	/** MessageListMessageResponse (and MessageDetailsResponse fields); `text` with the Detailed view. */
	messageRecord(message: A2pMessage, detailed: boolean, now = Date.now()): Record<string, unknown> {
		const { status, lastModified } = this.statusOf(message, now);
		const record: Record<string, unknown> = {
			id: message.id,
			batchId: message.batchId,
			from: message.from,
			to: [message.to],
			creationTime: iso(message.createdAt),
			lastModifiedTime: iso(lastModified),
			messageStatus: status,
			segmentCount: message.segmentCount,
			direction: 'Outbound',
		};
		if (status !== 'Queued') record.cost = Number((message.segmentCount * COST_PER_SEGMENT).toFixed(4));
		if (status === 'DeliveryFailed') record.errorCode = message.failure;
		if (detailed) record.text = message.text;
		return record;
	}

	/** MessageBatchResponse as reading it gives: `rejected` always empty, `cost` once Completed. */
	batchRecord(batch: A2pBatch, now = Date.now(), rejected: A2pRejected[] = []): Record<string, unknown> {
		const processed = batch.messages.filter((message) => message.sentAt <= now);
		const completed = processed.length === batch.messages.length;
		const record: Record<string, unknown> = {
			id: batch.id,
			from: batch.from,
			batchSize: batch.messages.length,
			processedCount: processed.length,
			status: completed ? 'Completed' : 'Processing',
			creationTime: iso(batch.createdAt),
			lastModifiedTime: iso(Math.max(batch.createdAt, ...processed.map((message) => message.sentAt))),
			rejected,
		};
		if (completed) record.cost = Number(batch.messages.reduce((sum, message) => sum + message.segmentCount * COST_PER_SEGMENT, 0).toFixed(4));
		return record;
	}

	reset(): void {
		this.batches.length = 0;
		this.messages.length = 0;
		this.optOuts.clear();
		this.failures.clear();
	}
}
