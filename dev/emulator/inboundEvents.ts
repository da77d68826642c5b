// Inbound SMS and MMS announced to subscriptions: stored in the message store (inbound.ts), then the
// instant message event POSTed to every active subscription covering the extension.
import { randomUUID } from 'node:crypto';

import { receiveMessage } from './inbound';
import type { EmulatorState, HandlerResult, RequestContext, Route } from './routes';
import { subscriptionsOf, type DeliveryRecord } from './subscriptionStore';
import type { StoredMessage } from './types';
import { postToWebhook } from './webhookCalls';

export interface InboundSmsFile {
	/** Absent: RingCentral sometimes gives none. */
	fileName?: string;
	contentType: string;
	data: Buffer;
}

export interface InboundSms {
	/** The sender, E.164. */
	from: string;
	/** The user's receiving number(s); default the first number that can receive SMS. */
	to?: string | string[];
	text?: string;
	attachments?: InboundSmsFile[];
	/** The extension that receives it; default the emulator's user. */
	extensionId?: string;
}

export interface InboundEvent {
	id: string;
	extensionId: string;
	/** The instant message event's body (InstantMessageEventBody). */
	body: Record<string, unknown>;
	/** The message as the message store keeps it (Get, Get Many and downloads read it). */
	stored: StoredMessage;
}

export interface InboundResult {
	message: InboundEvent;
	/** One per active subscription whose filter covers the receiving extension. */
	deliveries: DeliveryRecord[];
}

const events = new WeakMap<EmulatorState, InboundEvent[]>();

export function inboundOf(state: EmulatorState): InboundEvent[] {
	let list = events.get(state);
	if (!list) events.set(state, (list = []));
	return list;
}

function receivingNumbers(state: EmulatorState, to: InboundSms['to']): string[] {
	const own = state.options.phoneNumbers.filter((n) => n.features.includes('SmsSender')).map((n) => n.phoneNumber);
	const numbers = to === undefined ? own.slice(0, 1) : Array.isArray(to) ? to : [to];
	for (const number of numbers) if (!state.options.phoneNumbers.some((n) => n.phoneNumber === number)) throw new Error(`${number} is not one of the emulator's numbers`);
	return numbers;
}

/** Stores the message and builds its event body, the way the instant message event shows it. */
function store(state: EmulatorState, sms: InboundSms): InboundEvent {
	if (!/^\+[1-9]\d{7,14}$/.test(sms.from)) throw new Error(`from must be E.164, got ${sms.from}`);
	const to = receivingNumbers(state, sms.to);
	const extensionId = sms.extensionId ?? state.options.extensionId;
	const stored = receiveMessage(state, {
		from: sms.from,
		to,
		text: sms.text || undefined,
		files: (sms.attachments ?? []).map((file) => ({ bytes: file.data, contentType: file.contentType, fileName: file.fileName })),
		extensionId,
	});
	const body: Record<string, unknown> = {
		...stored.info,
		id: stored.id,
		to: to.map((phoneNumber) => ({ phoneNumber, name: 'Emulator User', target: true })),
		from: { phoneNumber: sms.from, location: 'San Francisco, CA' },
		attachments: stored.info.attachments.map((attachment) => ({ ...attachment, size: attachment.size ?? stored.content?.[String(attachment.id)]?.length })),
		conversationId: String(stored.info.conversationId),
		eventType: 'Create',
		owner: { extensionId, extensionType: 'User', name: 'Emulator User' },
	};
	delete body.uri;
	const event: InboundEvent = { id: stored.id, extensionId, body, stored };
	inboundOf(state).push(event);
	return event;
}

/**
 * Stores an inbound SMS/MMS and POSTs the instant message event to every active subscription
 * covering the extension, with its Verification-Token. A delivery that is not answered 200 within
 * 3 s blacklists the subscription (RingCentral suspends it for good).
 */
export async function injectInboundSms(state: EmulatorState, sms: InboundSms): Promise<InboundResult> {
	const message = store(state, sms);
	const subscriptions = subscriptionsOf(state);
	const filter = `/restapi/v1.0/account/${state.options.accountId}/extension/${message.extensionId}/message-store/instant?type=SMS`;
	const targets = subscriptions.list().filter((s) => s.status === 'Active' && s.eventFilters.includes(filter));
	const deliveries = await Promise.all(
		targets.map(async (subscription): Promise<DeliveryRecord> => {
			const event = { uuid: randomUUID(), event: filter, timestamp: new Date().toISOString(), subscriptionId: subscription.id, ownerId: subscription.ownerId, body: message.body };
			const headers: Record<string, string> = { 'Content-Type': 'application/json' };
			if (subscription.verificationToken) headers['Verification-Token'] = subscription.verificationToken;
			const sentAt = Date.now();
			const answer = await postToWebhook(subscription.address, headers, JSON.stringify(event));
			const blacklisted = answer.status !== 200;
			if (blacklisted) subscriptions.blacklist(subscription.id, answer.status === null ? `Delivery failed: ${answer.error}` : `Delivery answered HTTP ${answer.status}`);
			const record: DeliveryRecord = { subscriptionId: subscription.id, address: subscription.address, uuid: event.uuid, sentAt, status: answer.status, ms: answer.ms, blacklisted };
			subscriptions.deliveries.push(record);
			return record;
		}),
	);
	return { message, deliveries };
}

/**
 * The control API over HTTP, for an emulator in another process (npm run n8n, cli.ts):
 * POST /emulator/inbound-sms {from, to?, text?, attachments?: [{fileName?, contentType, base64}]}.
 * Not RingCentral's: no auth, no rate limit.
 */
async function injectOverHttp(ctx: RequestContext): Promise<HandlerResult> {
	const body = (ctx.body.json ?? {}) as Record<string, unknown>;
	const files = Array.isArray(body.attachments) ? (body.attachments as Record<string, string>[]) : [];
	try {
		const { message, deliveries } = await injectInboundSms(ctx.state, {
			from: String(body.from ?? ''),
			to: body.to as InboundSms['to'],
			text: typeof body.text === 'string' ? body.text : undefined,
			attachments: files.map((file) => ({ fileName: file.fileName, contentType: file.contentType, data: Buffer.from(file.base64 ?? '', 'base64') })),
		});
		return { status: 200, body: { message: message.body, deliveries } };
	} catch (error) {
		return { status: 400, body: { message: (error as Error).message } };
	}
}

export const inboundRoutes: Route[] = [
	{ method: 'POST', pattern: '/emulator/inbound-sms', auth: 'none', handler: injectOverHttp },
];
