// GET .../message-store/{messageId}: one message, or several by comma-separated IDs answered
// 207 Multi-Status with one part per ID (https://developers.ringcentral.com/guide/basics/batch-requests);
// GET .../content/{attachmentId}: an attachment's bytes.
import { checkAccountPath } from './account';
import { ApiError, errorBody } from './errors';
import { listMessages } from './messageList';
import { refreshStatus } from './messageStatus';
import type { HandlerResult, RequestContext, Route } from './routes';
import type { StoredMessage } from './types';

/** RingCentral's JSON form of a bulk answer, asked for with this Accept header. */
export const MULTIPART_JSON = 'application/vnd.ringcentral.multipart+json';

const ID = /^\d{1,19}$/;

function notFound(): ApiError {
	return new ApiError(404, 'CMN-102', 'Resource for parameter [messageId] is not found', { parameterName: 'messageId' });
}

export function findMessage(ctx: RequestContext, id: string): StoredMessage {
	if (!ID.test(id)) throw new ApiError(400, 'CMN-101', 'Parameter [messageId] value is invalid.', { parameterName: 'messageId' });
	const stored = ctx.state.messages.find((message) => message.id === id);
	if (!stored) throw notFound();
	return stored;
}

/** One ID's part: 200 and the message info, or the error RingCentral gives for it alone. */
function part(ctx: RequestContext, id: string): { status: number; body: unknown } {
	try {
		return { status: 200, body: refreshStatus(ctx.state.options.messageStore, findMessage(ctx, id)) };
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		return { status: error.status, body: error.body };
	}
}

const DESCRIPTIONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found' };

/** The classic multipart/mixed form: a first part with the statuses, then one part per ID in order. */
function multipartMixed(ctx: RequestContext, ids: string[], parts: { status: number; body: unknown }[]): HandlerResult {
	const boundary = `Boundary_${ctx.state.nextId()}`;
	const base = `${ctx.state.url}${ctx.pathname.slice(0, ctx.pathname.lastIndexOf('/'))}`;
	const summary = {
		response: parts.map((p, i) => ({ href: `${base}/${ids[i]}`, status: p.status, responseDescription: DESCRIPTIONS[p.status] ?? 'Error' })),
	};
	const sections = [summary, ...parts.map((p) => p.body)].map((body) => `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n`);
	return { status: 207, body: `${sections.join('')}--${boundary}--\r\n`, headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` } };
}

function readMessages(ctx: RequestContext): HandlerResult {
	checkAccountPath(ctx);
	const ids = ctx.params.messageId.split(',');
	if (ids.length === 1) return { status: 200, body: refreshStatus(ctx.state.options.messageStore, findMessage(ctx, ids[0])) };
	const limit = ctx.state.options.messageStore.bulkReadLimit;
	if (ids.length > limit) {
		// The one documented bulk limit (presence: 30 per request, InvalidMultipartRequest), applied here too.
		throw new ApiError(400, 'InvalidMultipartRequest', `Message Info multipart request is limited to ${limit} messages`, { parameterName: 'messageId' });
	}
	const parts = ids.map((id) => part(ctx, id));
	if ((ctx.headers.accept ?? '').includes(MULTIPART_JSON)) {
		const body = parts.map((p, i) => ({ resourceId: ids[i], status: p.status, body: p.body }));
		return { status: 207, body, headers: { 'Content-Type': MULTIPART_JSON } };
	}
	return multipartMixed(ctx, ids, parts);
}

function readContent(ctx: RequestContext): HandlerResult {
	checkAccountPath(ctx);
	const stored = findMessage(ctx, ctx.params.messageId);
	const attachment = stored.info.attachments.find((a) => String(a.id) === ctx.params.attachmentId);
	if (!attachment) {
		throw new ApiError(404, 'CMN-102', 'Resource for parameter [attachmentId] is not found', { parameterName: 'attachmentId' });
	}
	const bytes = stored.content?.[ctx.params.attachmentId] ?? (attachment.type === 'Text' ? Buffer.from(stored.text ?? stored.info.subject ?? '', 'utf8') : undefined);
	if (!bytes) return { status: 404, body: errorBody('CMN-102', 'Resource for parameter [attachmentId] is not found') };
	const headers: Record<string, string> = { 'Content-Type': attachment.contentType };
	if (attachment.fileName) headers['Content-Disposition'] = `inline; filename="${attachment.fileName.replace(/"/g, '')}"`;
	return { status: 200, body: bytes, headers };
}

const STORE = '/restapi/v1.0/account/:accountId/extension/:extensionId/message-store';

export const messageStoreRoutes: Route[] = [
	{ method: 'GET', pattern: STORE, group: 'Light', auth: 'bearer', handler: listMessages },
	{ method: 'GET', pattern: `${STORE}/:messageId`, group: 'Light', auth: 'bearer', handler: readMessages },
	{ method: 'GET', pattern: `${STORE}/:messageId/content/:attachmentId`, group: 'Medium', auth: 'bearer', handler: readContent },
];
