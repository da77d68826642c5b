// Inbound SMS and MMS: stored as RingCentral's message store would, announced to every active
// subscription through the instant message event, and their attachments served for download.
import { createHash, randomUUID } from 'node:crypto';
import { checkAccountPath } from './account';
import { ApiError } from './errors';
import type { EmulatorState, HandlerResult, RequestContext, Route } from './routes';
import { subscriptionsOf, type DeliveryRecord } from './subscriptionStore';
import { postToWebhook } from './webhookCalls';

export interface InboundFile {
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
	attachments?: InboundFile[];
	/** The extension that receives it; default the emulator's user. */
	extensionId?: string;
}

export interface InboundMessage {
	id: string;
	extensionId: string;
	/** The instant message event's body (InstantMessageEventBody). */
	body: Record<string, unknown>;
	files: Map<string, InboundFile>;
}

export interface InboundResult {
	message: InboundMessage;
	/** One per active subscription whose filter covers the receiving extension. */
	deliveries: DeliveryRecord[];
}

const stores = new WeakMap<EmulatorState, InboundMessage[]>();

export function inboundOf(state: EmulatorState): InboundMessage[] {
	let store = stores.get(state);
	if (!store) stores.set(state, (store = []));
	return store;
}

function receivingNumbers(state: EmulatorState, to: InboundSms['to']): string[] {
	const own = state.options.phoneNumbers.filter((n) => n.features.includes('SmsSender')).map((n) => n.phoneNumber);
	const numbers = to === undefined ? own.slice(0, 1) : Array.isArray(to) ? to : [to];
	for (const number of numbers) if (!state.options.phoneNumbers.some((n) => n.phoneNumber === number)) throw new Error(`${number} is not one of the emulator's numbers`);
	return numbers;
}

/** Stores the message and builds its event body, the way the instant message event shows it. */
function store(state: EmulatorState, sms: InboundSms): InboundMessage {
	if (!/^\+[1-9]\d{7,14}$/.test(sms.from)) throw new Error(`from must be E.164, got ${sms.from}`);
	const to = receivingNumbers(state, sms.to);
	const { accountId, extensionId: ownExtension } = state.options;
	const extensionId = sms.extensionId ?? ownExtension;
	const id = state.nextId();
	const uri = `${state.url}/restapi/v1.0/account/${accountId}/extension/${extensionId}/message-store/${id}`;
	const files = new Map<string, InboundFile>();
	const attachments: Record<string, unknown>[] = [];
	const add = (type: string, file: InboundFile) => {
		const attachmentId = state.nextId();
		files.set(attachmentId, file);
		const info: Record<string, unknown> = { id: Number(attachmentId), uri: `${uri}/content/${attachmentId}`, type, contentType: file.contentType, size: file.data.length };
		if (file.fileName !== undefined) info.fileName = file.fileName;
		attachments.push(info);
	};
	if (sms.text) add('Text', { contentType: 'text/plain', data: Buffer.from(sms.text) });
	for (const file of sms.attachments ?? []) add('MmsAttachment', file);
	const now = new Date().toISOString();
	const conversationId = String(parseInt(createHash('sha256').update([sms.from, ...to].join(',')).digest('hex').slice(0, 12), 16));
	const body: Record<string, unknown> = {
		id,
		to: to.map((phoneNumber) => ({ phoneNumber, name: 'Emulator User', target: true })),
		from: { phoneNumber: sms.from, location: 'San Francisco, CA' },
		type: 'SMS',
		creationTime: now,
		lastModifiedTime: now,
		readStatus: 'Unread',
		priority: 'Normal',
		attachments,
		direction: 'Inbound',
		availability: 'Alive',
		messageStatus: 'Received',
		conversationId,
		conversation: { id: conversationId, uri: `${state.url}/restapi/v1.0/conversation/${conversationId}` },
		eventType: 'Create',
		owner: { extensionId, extensionType: 'User', name: 'Emulator User' },
	};
	if (sms.text) body.subject = sms.text;
	const message: InboundMessage = { id, extensionId, body, files };
	inboundOf(state).push(message);
	return message;
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

/** GET .../message-store/{messageId}/content/{attachmentId}: the bytes, with their type. */
function content(ctx: RequestContext): HandlerResult {
	const { accountId, extensionId } = ctx.state.options;
	if (ctx.params.accountId !== '~' && ctx.params.accountId !== accountId) checkAccountPath(ctx);
	const owner = ctx.params.extensionId === '~' ? extensionId : ctx.params.extensionId;
	const message = inboundOf(ctx.state).find((m) => m.id === ctx.params.messageId && m.extensionId === owner);
	const file = message?.files.get(ctx.params.attachmentId);
	if (!file) throw new ApiError(404, 'CMN-102', 'Resource for parameter [attachmentId] is not found', { parameterName: 'attachmentId' });
	return { status: 200, body: file.data, headers: { 'Content-Type': file.contentType } };
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
	// Medium, like readMessageContent in RingCentral's API reference.
	{ method: 'GET', pattern: '/restapi/v1.0/account/:accountId/extension/:extensionId/message-store/:messageId/content/:attachmentId', group: 'Medium', auth: 'bearer', handler: content },
];
