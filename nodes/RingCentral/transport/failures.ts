/** Reads what came back: n8n's wrapped request errors classified, and answers read by the endpoint's kind. */
import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { networkProblem } from '../../../credentials/common/ringcentral/apiErrors';
import { AUTH_ERROR_DESCRIPTION, UNREACHED_ERROR_DESCRIPTION } from '../../../credentials/common/ringcentral/tokenErrors';
import type { Endpoint } from './endpoints';

export type Failure =
	/** The token could not be had; `unreached`: the token request never reached RingCentral. */
	| { kind: 'auth'; message: string; status?: number; unreached: boolean }
	/** The request went out, but its answer was cut off, unreadable or too slow. */
	| { kind: 'incomplete'; what: string; status?: number; code?: string }
	/** A network failure; the code tells whether anything reached RingCentral. */
	| { kind: 'network'; code?: string };

/**
 * The answer inside an error n8n threw for a status outside 2xx (a 401 in n8n 2.x, any status on a
 * renewing send). Its body is still an unread stream. n8n 2.x keeps the request's error as `cause`;
 * n8n 1.x's NodeApiError drops it and keeps only the status (`httpCode`) and the body
 * (`context.data`): its headers are lost.
 */
export function answerOf(error: unknown): IN8nHttpFullResponse | undefined {
	const outer = error as { cause?: unknown; httpCode?: unknown; context?: { data?: unknown } };
	const response = ((outer.cause ?? error) as { response?: { status?: number; headers?: IN8nHttpFullResponse['headers']; data?: unknown } }).response;
	if (typeof response?.status === 'number') {
		return { statusCode: response.status, headers: { ...(response.headers ?? {}) }, body: response.data as IN8nHttpFullResponse['body'] };
	}
	const status = Number(outer.httpCode);
	const body = outer.context?.data;
	if (outer.cause === undefined && Number.isInteger(status) && status >= 300 && typeof body === 'object' && body !== null) {
		return { statusCode: status, headers: {}, body: body as IN8nHttpFullResponse['body'] };
	}
	return undefined;
}

/** Codes of an answer that started but did not finish (or never came within the timeout). */
const INCOMPLETE = new Set(['ERR_CANCELED', 'ABORT_ERR', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_BAD_RESPONSE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** What went wrong, read from n8n's wrapped error without keeping its request config (it holds the token). */
export function describeFailure(error: unknown): Failure {
	const outer = error as { cause?: unknown; code?: string };
	const cause = (outer.cause ?? error) as {
		name?: string;
		message?: string;
		description?: unknown;
		code?: string;
		responseStatus?: number;
		unreached?: boolean;
		response?: { status?: number; data?: unknown };
	};
	const status = cause.response?.status;
	// n8n 1.x hands over a NodeApiError with only the message and description of our error.
	const unreached = cause.unreached === true || cause.description === UNREACHED_ERROR_DESCRIPTION;
	if (cause.name === 'RingCentralAuthError' || unreached || cause.description === AUTH_ERROR_DESCRIPTION) {
		return { kind: 'auth', message: cause.message ?? 'RingCentral refused the credential', status: cause.responseStatus, unreached };
	}
	const code = cause.code ?? outer.code;
	// Any other status arrives here only when its answer could not be read to the end.
	if (status !== undefined) return { kind: 'incomplete', what: `RingCentral's answer (HTTP ${status}) was cut off`, status, code };
	if (code !== undefined && INCOMPLETE.has(code)) return { kind: 'incomplete', what: `${networkProblem(code)} after the request was sent`, code };
	if (cause.name === 'CanceledError' || cause.name === 'AbortError' || cause.name === 'TimeoutError') {
		return { kind: 'incomplete', what: `${networkProblem('ERR_CANCELED')} after the request was sent`, code: 'ERR_CANCELED' };
	}
	if (code === undefined && cause.message && !/socket|network|timeout|ECONN|aborted/i.test(cause.message)) {
		// Not a network failure: e.g. an OAuth2 credential that is not connected yet.
		return {
			kind: 'auth',
			message: `Could not authenticate with RingCentral: ${cause.message}. Open the RingCentral credential and reconnect or test it.`,
			unreached: false,
		};
	}
	return { kind: 'network', code };
}

/** Error bodies are small; read at most this much of one. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

type ByteStream = AsyncIterable<Buffer> & { destroy(error?: Error): void };

const isStream = (body: unknown): body is ByteStream =>
	typeof body === 'object' && body !== null && typeof (body as ByteStream)[Symbol.asyncIterator] === 'function' && typeof (body as ByteStream).destroy === 'function';

/** The request's deadline passed while the answer was still coming. */
class AnswerTimeout extends Error {
	code = 'ETIMEDOUT';
}

/** Destroys the stream when the deadline passes, so a trickling answer ends at the Timeout option. */
export function bindDeadline(body: unknown, deadline: AbortSignal): void {
	if (!isStream(body)) return;
	if (deadline.aborted) {
		body.destroy(new AnswerTimeout('timeout'));
		return;
	}
	const onDeadline = () => body.destroy(new AnswerTimeout('timeout'));
	deadline.addEventListener('abort', onDeadline, { once: true });
	// The signal lives until the timeout: once the answer is closed, let go of it (it holds the
	// request, an MMS's files included), or every item's files would stay in memory that long.
	(body as { once?: (event: string, listener: () => void) => void }).once?.('close', () => deadline.removeEventListener('abort', onDeadline));
}

/** Frees the connection of an answer that will not be read. */
export function discard(body: unknown): void {
	if (isStream(body)) body.destroy();
}

/** Every byte of an answer (at most `limit`); throws when it is cut off or the deadline passes. */
async function readBytes(body: unknown, limit = Infinity): Promise<Buffer> {
	if (!isStream(body)) return Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		chunks.push(Buffer.from(chunk));
		size += chunk.length;
		if (size >= limit) {
			body.destroy();
			break;
		}
	}
	return Buffer.concat(chunks);
}

/**
 * The answer's body by the endpoint's kind. Answers arrive as streams (so that the deadline covers
 * the last byte): a successful 'stream' answer is handed on as it is, anything else is read whole and
 * parsed. `complete` is false when the answer was cut off, trickled past the deadline or is not JSON.
 */
export async function readAnswer(endpoint: Endpoint, response: IN8nHttpFullResponse): Promise<{ complete: boolean; body: unknown; failure?: string }> {
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	if (ok && endpoint.answer === 'stream') return { complete: true, body: response.body };
	let bytes: Buffer;
	try {
		bytes = await readBytes(response.body, ok ? Infinity : MAX_ERROR_BODY_BYTES);
	} catch (error) {
		const code = (error as { code?: string }).code;
		return { complete: false, body: undefined, failure: code === 'ETIMEDOUT' ? networkProblem('ETIMEDOUT') : 'the answer was cut off' };
	}
	// A connection closed before the announced length is a cut-off answer, even without an error.
	const declared = Number(response.headers['content-length']);
	if (Number.isFinite(declared) && bytes.length < declared && bytes.length < MAX_ERROR_BODY_BYTES) {
		return { complete: false, body: undefined, failure: 'the answer was cut off' };
	}
	if (ok && endpoint.answer === 'none') return { complete: true, body: undefined };
	try {
		const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
		if (typeof parsed === 'object' && parsed !== null) return { complete: true, body: parsed as IDataObject };
	} catch {
		// Not JSON: the caller decides what an unreadable answer means.
	}
	return { complete: false, body: undefined, failure: 'the answer could not be read' };
}
