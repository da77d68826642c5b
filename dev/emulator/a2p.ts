// High Volume SMS (A2P) endpoints: create a batch (validation, `rejected`), read it, list messages and opt-outs by page token.
// As documented in https://developers.ringcentral.com/guide/messaging/sms/high-volume: the sender needs
// A2PSmsSender; recipients must be US/Canadian and not opted out, else they are listed in `rejected`.
import { checkAccountPath } from './account';
import { ApiError, invalidParameter } from './errors';
import type { A2pRejected } from './a2pStore';
import type { HandlerResult, RequestContext, Route } from './routes';
import { tokenPage } from './tokenPaging';

/** `x-request-max-body-size: 50m` of createA2PSMS, read strictly (10^6 bytes a MB). */
export const A2P_LIMITS = { maxBodyBytes: 50_000_000, maxTextLength: 1000, maxPhoneNumberFilters: 15 };

const E164 = /^\+[1-9]\d{7,14}$/;
/** NANP area codes of countries other than the US and Canada (Caribbean nations, Bermuda). */
const OTHER_NANP = new Set(['242', '246', '264', '268', '284', '345', '441', '473', '649', '658', '664', '721', '758', '767', '784', '809', '829', '849', '868', '869', '876']);
const isUsOrCanada = (number: string) => /^\+1\d{10}$/.test(number) && !OTHER_NANP.has(number.slice(2, 5));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Schema checks refuse the whole batch (400); recipient problems only reject that message. */
function readBatchRequest(ctx: RequestContext): { from: string; messages: { to: string; text: string }[] } {
	const body = ctx.body;
	if (body.raw.length > A2P_LIMITS.maxBodyBytes) {
		throw new ApiError(413, 'CMN-101', `Request body of ${body.raw.length} bytes exceeds the maximum of ${A2P_LIMITS.maxBodyBytes}`);
	}
	if (body.mediaType !== 'application/json' || body.jsonError || !isObject(body.json)) throw new ApiError(400, 'CMN-104', 'Cannot parse request');
	const request = body.json;
	const from = request.from;
	if (typeof from !== 'string' || !E164.test(from)) throw invalidParameter('from');
	const sender = ctx.state.options.phoneNumbers.find((number) => number.phoneNumber === from);
	if (!sender || !sender.features.includes('A2PSmsSender')) {
		throw new ApiError(400, 'CMN-101', `Parameter [from] value is invalid: phone number [${from}] has no A2PSmsSender feature`, { parameterName: 'from' });
	}
	const checkText = (text: unknown, name: string) => {
		if (text !== undefined && (typeof text !== 'string' || text.length === 0 || text.length > A2P_LIMITS.maxTextLength)) throw invalidParameter(name);
	};
	checkText(request.text, 'text');
	if (!Array.isArray(request.messages) || request.messages.length === 0) throw invalidParameter('messages');
	const messages = request.messages.map((message: unknown, i: number) => {
		if (!isObject(message)) throw invalidParameter(`messages[${i}]`);
		// "Currently only one number is supported" (MessageCreateRequest.to).
		if (!Array.isArray(message.to) || message.to.length !== 1 || typeof message.to[0] !== 'string') throw invalidParameter(`messages[${i}].to`);
		checkText(message.text, `messages[${i}].text`);
		const text = message.text ?? request.text;
		if (typeof text !== 'string') throw invalidParameter(`messages[${i}].text`);
		return { to: message.to[0], text };
	});
	return { from, messages };
}

function createBatch(ctx: RequestContext): HandlerResult {
	checkAccountPath(ctx);
	const { from, messages } = readBatchRequest(ctx);
	const rejected: A2pRejected[] = [];
	const accepted: { to: string; text: string }[] = [];
	messages.forEach((message, i) => {
		// RingCentral's `index` counts from 1 (sending-highvolume-sms guide).
		const reject = (errorCode: string, description: string) => rejected.push({ index: i + 1, to: [message.to], errorCode, description });
		if (!E164.test(message.to)) reject('SMS-RC-410', 'The recipient number is invalid');
		else if (!isUsOrCanada(message.to)) reject('SMS-RC-410', 'The recipient number is not supported: High Volume SMS reaches US and Canadian numbers only');
		else if (ctx.state.a2p.isOptedOut(from, message.to)) reject('SMS-RC-413', 'The recipient has opted out from this sender');
		else accepted.push(message);
	});
	const batch = ctx.state.a2p.createBatch(from, accepted);
	return { status: 201, body: ctx.state.a2p.batchRecord(batch, batch.createdAt, rejected), messageId: batch.id };
}

function readBatch(ctx: RequestContext): HandlerResult {
	checkAccountPath(ctx);
	const batch = ctx.state.a2p.batches.find((candidate) => candidate.id === ctx.params.batchId);
	if (!batch) throw new ApiError(404, 'CMN-102', 'Resource for parameter [batchId] is not found', { parameterName: 'batchId' });
	return { status: 200, body: ctx.state.a2p.batchRecord(batch) };
}

function dateParameter(ctx: RequestContext, name: string, fallback: number): number {
	const raw = ctx.query.get(name);
	if (raw === null || raw === '') return fallback;
	const time = Date.parse(raw);
	// ISO 8601 including the time zone.
	if (Number.isNaN(time) || !/(Z|[+-]\d\d:?\d\d)$/.test(raw)) throw invalidParameter(name);
	return time;
}

const digits = (number: string) => number.replace(/\D/g, '');

function listMessages(ctx: RequestContext): HandlerResult {
	checkAccountPath(ctx);
	const now = Date.now();
	const dateTo = dateParameter(ctx, 'dateTo', now);
	const dateFrom = dateParameter(ctx, 'dateFrom', dateTo - 24 * 3600_000);
	const view = ctx.query.get('view') ?? 'Simple';
	if (view !== 'Simple' && view !== 'Detailed') throw invalidParameter('view');
	const directions = ctx.query.getAll('direction').flatMap((value) => value.split(','));
	if (directions.some((direction) => direction !== 'Inbound' && direction !== 'Outbound')) throw invalidParameter('direction');
	const phoneNumbers = ctx.query.getAll('phoneNumber').flatMap((value) => value.split(',')).map(digits).filter(Boolean);
	if (phoneNumbers.length > A2P_LIMITS.maxPhoneNumberFilters) throw invalidParameter('phoneNumber');
	const batchId = ctx.query.get('batchId');
	const selected = ctx.state.a2p.messages.filter(
		(message) =>
			message.createdAt >= dateFrom &&
			message.createdAt <= dateTo &&
			(batchId === null || message.batchId === batchId) &&
			(directions.length === 0 || directions.includes('Outbound')) &&
			(phoneNumbers.length === 0 || phoneNumbers.includes(digits(message.to)) || phoneNumbers.includes(digits(message.from))),
	);
	// Newest first, as RingCentral's message store lists.
	const ordered = selected.slice().reverse();
	const { records, paging } = tokenPage(ctx, ordered);
	return { status: 200, body: { records: records.map((message) => ctx.state.a2p.messageRecord(message, view === 'Detailed', now)), paging } };
}

function listOptOuts(ctx: RequestContext): HandlerResult {
	checkAccountPath(ctx);
	const from = ctx.query.get('from');
	const to = ctx.query.get('to');
	const status = ctx.query.get('status') ?? 'optout';
	if (!['optout', 'optin', 'all'].includes(status)) throw invalidParameter('status');
	const wanted = (entryStatus: string) => status === 'all' || entryStatus.toLowerCase() === status;
	const entries = [...ctx.state.a2p.optOuts.values()]
		.flatMap((bySender) => [...bySender.values()])
		.filter((entry) => (from === null || from === '*' || digits(entry.from) === digits(from)) && (to === null || digits(entry.to) === digits(to)) && wanted(entry.status));
	const { records, paging } = tokenPage(ctx, entries.map((entry) => ({ ...entry })));
	return { status: 200, body: { records, paging } };
}

const A2P = '/restapi/v1.0/account/:accountId/a2p-sms';

/** Every A2P operation is in the Light group (x-throttling-group of RingCentral's API reference). */
export const a2pRoutes: Route[] = [
	{ method: 'POST', pattern: `${A2P}/batches`, group: 'Light', auth: 'bearer', handler: createBatch },
	{ method: 'GET', pattern: `${A2P}/batches/:batchId`, group: 'Light', auth: 'bearer', handler: readBatch },
	{ method: 'GET', pattern: `${A2P}/messages`, group: 'Light', auth: 'bearer', handler: listMessages },
	{ method: 'GET', pattern: `${A2P}/opt-outs`, group: 'Light', auth: 'bearer', handler: listOptOuts },
];
