// Outbound messages change status over time, as carriers report: Queued → Sent → Delivered, or
// SendingFailed / DeliveryFailed with a deliveryErrorCode for configured recipients.
import { createHash } from 'node:crypto';

import type { MessageInfo, MessageStoreOptions, RecipientOutcome, StoredMessage } from './types';

/**
 * Recipients that fail, with codes from https://developers.ringcentral.com/guide/messaging/sms/sms-errors;
 * every other number gets Delivered.
 */
export const DEFAULT_RECIPIENT_OUTCOMES: Record<string, RecipientOutcome> = {
	/** The number is not a mobile number (invalid, unallocated or a landline). */
	'+14155550190': { status: 'DeliveryFailed', errorCode: 'SMS-CAR-411' },
	/** The recipient opted out (RingCentral's own example answers SendingFailed for it). */
	'+14155550191': { status: 'SendingFailed', errorCode: 'SMS-RC-413' },
	/** A carrier that never sends delivery receipts: the message stays Sent. */
	'+14155550192': { status: 'Sent' },
	/** The recipient's carrier filtered the message as spam. */
	'+14155550193': { status: 'DeliveryFailed', errorCode: 'SMS-CAR-430' },
};

export function resolveMessageStore(options: MessageStoreOptions = {}): Required<MessageStoreOptions> {
	return {
		queuedSeconds: options.queuedSeconds ?? 1,
		deliveredSeconds: options.deliveredSeconds ?? 3,
		deliveryJitterSeconds: options.deliveryJitterSeconds ?? 0,
		timeScale: options.timeScale ?? 1,
		recipients: { ...DEFAULT_RECIPIENT_OUTCOMES, ...options.recipients },
		bulkReadLimit: options.bulkReadLimit ?? 30,
	};
}

const FAILED = new Set(['SendingFailed', 'DeliveryFailed']);

interface RecipientState {
	status: string;
	errorCode?: string;
	/** When the status was reached (ms). */
	since: number;
}

/** A stable fraction in [0, 1) per message, so jitter spreads deliveries without randomness. */
function spread(id: string): number {
	return parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) / 0x100000000;
}

function recipientState(options: Required<MessageStoreOptions>, id: string, phoneNumber: string, created: number, now: number): RecipientState {
	const seconds = (value: number) => value * options.timeScale * 1000;
	const queuedUntil = created + seconds(options.queuedSeconds);
	const reportAt = created + seconds(options.deliveredSeconds + spread(id) * options.deliveryJitterSeconds);
	const outcome = options.recipients[phoneNumber] ?? { status: 'Delivered' };
	if (now < queuedUntil) return { status: 'Queued', since: created };
	if (outcome.status === 'SendingFailed') return { status: 'SendingFailed', errorCode: outcome.errorCode, since: queuedUntil };
	if (now < Math.max(reportAt, queuedUntil) || outcome.status === 'Sent') return { status: 'Sent', since: queuedUntil };
	const since = Math.max(reportAt, queuedUntil);
	return outcome.status === 'DeliveryFailed' ? { status: 'DeliveryFailed', errorCode: outcome.errorCode, since } : { status: 'Delivered', since };
}

/**
 * Brings an outbound message's status up to `now` and returns its info. A group message's
 * top-level status follows the API reference: Queued if any recipient is Queued, else
 * SendingFailed if any failed, else Sent; each recipient's own status is in to[].messageStatus.
 */
export function refreshStatus(options: Required<MessageStoreOptions>, stored: StoredMessage, now = Date.now()): MessageInfo {
	const info = stored.info;
	if (info.direction !== 'Outbound') return info;
	const created = Date.parse(info.creationTime);
	const states = info.to.map((recipient) => recipientState(options, stored.id, recipient.phoneNumber, created, now));
	info.to.forEach((recipient, index) => (recipient.messageStatus = states[index].status));
	const failed = states.find((state) => FAILED.has(state.status));
	let status: string;
	if (states.length === 1) status = states[0].status;
	else if (states.some((state) => state.status === 'Queued')) status = 'Queued';
	else if (states.some((state) => state.status === 'SendingFailed')) status = 'SendingFailed';
	else status = 'Sent';
	info.messageStatus = status;
	if (failed?.errorCode) info.deliveryErrorCode = failed.errorCode;
	else delete info.deliveryErrorCode;
	const delivered = states.filter((state) => state.status === 'Delivered');
	if (delivered.length > 0 && delivered.length === states.length) info.smsDeliveryTime = new Date(Math.max(...delivered.map((s) => s.since))).toISOString();
	else delete info.smsDeliveryTime;
	info.lastModifiedTime = new Date(Math.max(created, ...states.map((state) => state.since))).toISOString();
	return info;
}
