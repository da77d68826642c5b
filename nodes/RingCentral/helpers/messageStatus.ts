/** Whether a message's delivery is settled: RingCentral's messageStatus, per recipient for group messages. */
import type { IDataObject } from 'n8n-workflow';

const FAILED = new Set(['DeliveryFailed', 'SendingFailed']);

export interface RecipientStatus {
	phoneNumber?: string;
	status: string;
}

export type Delivery =
	/** Still Queued, or Sent while Sent is not taken as final. */
	| { state: 'pending'; status: string }
	| { state: 'delivered' }
	/** Sent, accepted as final (carriers that never report delivery). */
	| { state: 'sent' }
	| { state: 'failed'; status: string; failed: RecipientStatus[]; errorCode?: string }
	/** A received message: there is no delivery to wait for. */
	| { state: 'inbound' };

/**
 * Reads a message info (https://developers.ringcentral.com/api-reference/Message-Store/readMessage).
 * A group message's top-level status never becomes Delivered (the API reference: Queued if any
 * recipient is Queued, else SendingFailed if any failed, else Sent), so its recipients' own
 * `to[].messageStatus` decide. Any failed recipient settles it as failed at once.
 */
export function deliveryOf(info: IDataObject, sentIsFinal: boolean): Delivery {
	const top = String(info.messageStatus ?? '');
	if (info.direction === 'Inbound' || top === 'Received') return { state: 'inbound' };
	const to = Array.isArray(info.to) ? (info.to as IDataObject[]) : [];
	const perRecipient = to.length > 1 && to.every((recipient) => typeof recipient.messageStatus === 'string');
	const recipients: RecipientStatus[] = perRecipient
		? to.map((recipient) => ({ phoneNumber: String(recipient.phoneNumber ?? ''), status: String(recipient.messageStatus) }))
		: [{ phoneNumber: to.length === 1 ? String(to[0].phoneNumber ?? '') : undefined, status: top }];
	const failed = recipients.filter((recipient) => FAILED.has(recipient.status));
	if (FAILED.has(top) && failed.length === 0) failed.push({ status: top });
	const errorCode = typeof info.deliveryErrorCode === 'string' && info.deliveryErrorCode !== '' ? info.deliveryErrorCode : undefined;
	if (failed.length > 0) return { state: 'failed', status: failed[0].status, failed, errorCode };
	if (recipients.every((recipient) => recipient.status === 'Delivered')) return { state: 'delivered' };
	const settled = recipients.every((recipient) => recipient.status === 'Delivered' || recipient.status === 'Sent');
	if (settled && sentIsFinal) return { state: 'sent' };
	const waiting = recipients.find((recipient) => recipient.status !== 'Delivered');
	return { state: 'pending', status: waiting?.status || top || 'unknown' };
}
