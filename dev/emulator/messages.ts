// POST .../sms and .../mms: parsing, validation in RingCentral's order, and the
// GetSMSMessageInfoResponse of an accepted message.
import { createHash } from 'node:crypto';
import { checkAccountPath, extensionUri } from './account';
import { describePart, isJsonPart } from './body';
import { ApiError, invalidParameter } from './errors';
import type { MultipartPart } from './multipart';
import type { HandlerResult, RequestContext, Route } from './routes';
import type { MessageAttachmentInfo, MessageInfo, PhoneNumberFixture, StoredMessage } from './types';

/** "Supported MMS content types" of https://developers.ringcentral.com/guide/messaging/sms/sending-images */
export const SUPPORTED_MMS_CONTENT_TYPES: readonly string[] = [
	'image/jpeg', 'image/png', 'image/bmp', 'image/gif', 'image/tiff', 'image/svg+xml', 'image/webp',
	'video/3gpp', 'video/mp4', 'video/mpeg', 'video/avi', 'video/x-flv', 'video/x-ms-wmv', 'video/quicktime',
	'video/webm', 'video/ogg',
	'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/amr', 'audio/3gpp',
	'text/vcard',
	'application/zip', 'application/gzip',
	'application/rtf', 'application/pdf', 'text/html', 'text/plain', 'text/csv', 'text/calendar',
];

export const MESSAGE_LIMITS = {
	maxTextLength: 1000, // UTF-16 code units, i.e. JS string length
	maxRecipients: 10,
	maxAttachments: 10,
	maxAttachmentBytes: 1_500_000,
};

const E164 = /^\+[1-9]\d{7,14}$/;
const SHORT_NUMBER = /^\+?\d{1,7}$/;

type Endpoint = 'sms' | 'mms';

/** The JSON request and the file parts, or the parse error RingCentral gives. */
function readRequest(ctx: RequestContext, endpoint: Endpoint): { request: unknown; files: MultipartPart[] } {
	const body = ctx.body;
	const cannotParse = () => new ApiError(400, 'CMN-104', 'Cannot parse request');
	if (body.mediaType === 'application/json' && endpoint === 'sms') {
		if (body.jsonError) throw new ApiError(400, 'CMN-103', "JSON can't be parsed.");
		return { request: body.json, files: [] };
	}
	// /mms is multipart only (SPEC-2026 createMMS).
	if (body.mediaType !== 'multipart/form-data' && body.mediaType !== 'multipart/mixed') throw cannotParse();
	if (body.multipartError || !body.parts || !isJsonPart(body.parts[0])) throw cannotParse();
	if (body.jsonError) throw new ApiError(400, 'CMN-103', "JSON can't be parsed.");
	return { request: body.json, files: body.parts.slice(1) };
}

function senderOf(ctx: RequestContext, request: Record<string, unknown>): PhoneNumberFixture {
	const from = request.from as { phoneNumber?: unknown } | undefined;
	const phoneNumber = from && typeof from === 'object' ? from.phoneNumber : undefined;
	if (typeof phoneNumber !== 'string' || phoneNumber === '') throw invalidParameter('from');
	const sender = ctx.state.options.phoneNumbers.find((n) => n.phoneNumber === phoneNumber);
	if (!sender) {
		throw new ApiError(
			400,
			'MSG-245',
			`Parameter [from] value [${phoneNumber}] is invalid [Cannot find the phone number which belongs to user]`,
			{ parameterName: 'from' },
		);
	}
	return sender;
}

function recipientsOf(request: Record<string, unknown>): string[] {
	const to = request.to;
	if (!Array.isArray(to) || to.length === 0) throw invalidParameter('to');
	const numbers = to.map((item: unknown) => {
		const phoneNumber = item && typeof item === 'object' ? (item as { phoneNumber?: unknown }).phoneNumber : undefined;
		if (typeof phoneNumber === 'string' && SHORT_NUMBER.test(phoneNumber)) {
			throw new ApiError(400, 'MSG-247', 'Sending SMS to short numbers is not available', { parameterName: 'to' });
		}
		if (typeof phoneNumber !== 'string' || !E164.test(phoneNumber)) throw invalidParameter('to');
		return phoneNumber;
	});
	if (numbers.length > MESSAGE_LIMITS.maxRecipients) {
		throw new ApiError(400, 'MSG-381', `Exceeded maximum number of recipients for a Group MMS: [${MESSAGE_LIMITS.maxRecipients}]`, {
			parameterName: 'to',
		});
	}
	return numbers;
}

function textOf(request: Record<string, unknown>, isMms: boolean): string | undefined {
	const text = request.text;
	if (text === undefined || text === null) {
		if (isMms) return undefined;
		throw invalidParameter('text');
	}
	if (typeof text !== 'string' || (!isMms && text.length === 0)) throw invalidParameter('text');
	if (text.length > MESSAGE_LIMITS.maxTextLength) {
		throw new ApiError(400, 'MSG-338', 'Message size limit exceeded', { parameterName: 'text' });
	}
	return text;
}

function checkSenderFeatures(sender: PhoneNumberFixture, isMms: boolean): void {
	if (!isMms && !sender.features.includes('SmsSender')) {
		throw new ApiError(403, 'MSG-242', 'Sending SMS is not available from the number specified.', { parameterName: 'from' });
	}
	if (isMms && !sender.features.includes('MmsSender')) {
		throw new ApiError(403, 'MSG-367', 'From phone number does not support MMS', { parameterName: 'from' });
	}
}

function checkAttachments(files: MultipartPart[], endpoint: Endpoint): void {
	for (const part of files) {
		if (!part.disposition) throw new ApiError(400, 'MSG-350', 'No content disposition');
		if (!part.fileName) throw new ApiError(400, 'MSG-351', 'No file name in content disposition');
		if (part.data.length === 0) throw new ApiError(400, 'MSG-347', 'Attachment body is empty');
		if (!SUPPORTED_MMS_CONTENT_TYPES.includes(part.contentType ?? '')) {
			throw new ApiError(415, 'MSG-348', 'Unsupported attachment media type');
		}
	}
	if (files.length > MESSAGE_LIMITS.maxAttachments) {
		throw new ApiError(
			400,
			'CMN-101',
			`Too many attachments: [${files.length}], the maximum is [${MESSAGE_LIMITS.maxAttachments}]`,
			{ parameterName: 'attachments' },
		);
	}
	const total = files.reduce((sum, part) => sum + part.data.length, 0);
	if (total > MESSAGE_LIMITS.maxAttachmentBytes) throw new ApiError(400, 'MSG-337', 'Attachment size limit exceeded');
	if (endpoint === 'mms' && files.length === 0) throw invalidParameter('attachments');
}

/** Same participants, same conversation: derived, so no state is needed. */
function conversationIdOf(from: string, to: string[]): number {
	const key = [from, ...[...to].sort()].join(',');
	return parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16);
}

function accept(ctx: RequestContext, from: string, to: string[], text: string | undefined, files: MultipartPart[]): HandlerResult {
	const id = ctx.state.nextId();
	const now = new Date().toISOString();
	const uri = `${extensionUri(ctx)}/message-store/${id}`;
	const attachments: MessageAttachmentInfo[] = [];
	const content: Record<string, Buffer> = {};
	if (text) {
		const attId = ctx.state.nextId();
		attachments.push({ id: Number(attId), uri: `${uri}/content/${attId}`, type: 'Text', contentType: 'text/plain' });
	}
	for (const part of files) {
		const attId = ctx.state.nextId();
		attachments.push({
			id: Number(attId),
			uri: `${uri}/content/${attId}`,
			type: 'MmsAttachment',
			contentType: part.contentType as string, // checked against the supported list
			fileName: part.fileName,
			size: part.data.length,
		});
		content[attId] = part.data;
	}
	const conversationId = conversationIdOf(from, to);
	const info: MessageInfo = {
		uri,
		id: Number(id),
		to: to.map((phoneNumber) => ({ phoneNumber, messageStatus: 'Queued' })),
		from: { phoneNumber: from },
		type: 'SMS', // MMS too (RingCentral's own Send MMS example answers type SMS)
		creationTime: now,
		readStatus: 'Read',
		priority: 'Normal',
		attachments,
		direction: 'Outbound',
		availability: 'Alive',
		messageStatus: 'Queued',
		smsSendingAttemptsCount: 1,
		conversationId,
		conversation: { id: String(conversationId), uri: `${ctx.state.url}/restapi/v1.0/conversation/${conversationId}` },
		lastModifiedTime: now,
	};
	if (text) info.subject = text;
	const stored: StoredMessage = { id, from, to, attachments: files.map(describePart), info, content };
	if (text !== undefined) stored.text = text;
	ctx.state.messages.push(stored);
	return { status: 200, body: info, messageId: id };
}

function sendHandler(endpoint: Endpoint) {
	return (ctx: RequestContext): HandlerResult => {
		checkAccountPath(ctx);
		const { request: parsed, files } = readRequest(ctx, endpoint);
		const request = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
		const isMms = endpoint === 'mms' || files.length > 0;
		const sender = senderOf(ctx, request);
		const to = recipientsOf(request);
		const text = textOf(request, isMms);
		checkSenderFeatures(sender, isMms);
		checkAttachments(files, endpoint);
		return accept(ctx, sender.phoneNumber, to, text, files);
	};
}

const EXTENSION = '/restapi/v1.0/account/:accountId/extension/:extensionId';

export const messageRoutes: Route[] = [
	{ method: 'POST', pattern: `${EXTENSION}/sms`, group: 'Medium', auth: 'bearer', handler: sendHandler('sms') },
	{ method: 'POST', pattern: `${EXTENSION}/mms`, group: 'Medium', auth: 'bearer', handler: sendHandler('mms') },
];
