/** Reads what came back: n8n's wrapped request errors classified, and answers read by the endpoint's kind. */
import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { networkProblem } from '../../../credentials/common/ringcentral/apiErrors';
import type { Endpoint } from './endpoints';

export type Failure =
	/** A complete error answer that n8n threw (a 401 left after renewing the token). */
	| { kind: 'answer'; status: number; body: unknown }
	/** The token could not be had; `unreached`: the token request never reached RingCentral. */
	| { kind: 'auth'; message: string; status?: number; unreached: boolean }
	/** The request went out, but its answer was cut off, unreadable or too slow. */
	| { kind: 'incomplete'; what: string; status?: number; code?: string }
	/** A network failure; the code tells whether anything reached RingCentral. */
	| { kind: 'network'; code?: string };

/** Codes of an answer that started but did not finish (or never came within the timeout). */
const INCOMPLETE = new Set(['ERR_CANCELED', 'ABORT_ERR', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_BAD_RESPONSE', 'ERR_STREAM_PREMATURE_CLOSE']);

/** What went wrong, read from n8n's wrapped error without keeping its request config (it holds the token). */
export function describeFailure(error: unknown): Failure {
	const outer = error as { cause?: unknown; code?: string };
	const cause = (outer.cause ?? error) as {
		name?: string;
		message?: string;
		code?: string;
		responseStatus?: number;
		unreached?: boolean;
		response?: { status?: number; data?: unknown };
	};
	const status = cause.response?.status;
	if (status === 401) return { kind: 'answer', status, body: cause.response?.data };
	if (cause.name === 'RingCentralAuthError') {
		return { kind: 'auth', message: cause.message ?? 'RingCentral refused the credential', status: cause.responseStatus, unreached: cause.unreached === true };
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

/** Error bodies of downloads are JSON too; read at most this much of them. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** The answer's body by the endpoint's kind; `complete` false when a JSON answer could not be read whole. */
export async function readAnswer(endpoint: Endpoint, response: IN8nHttpFullResponse): Promise<{ complete: boolean; body: unknown }> {
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	if (endpoint.answer === 'none' && ok) return { complete: true, body: undefined };
	let body = response.body as unknown;
	if (endpoint.answer === 'stream') {
		if (ok) return { complete: true, body };
		body = await readSome(body);
	}
	if (typeof body === 'object' && body !== null && !Buffer.isBuffer(body)) return { complete: true, body: body as IDataObject };
	try {
		const parsed = JSON.parse(String(body)) as unknown;
		if (typeof parsed === 'object' && parsed !== null) return { complete: true, body: parsed };
	} catch {
		// Not JSON: the caller decides what an unreadable answer means.
	}
	return { complete: false, body: undefined };
}

async function readSome(stream: unknown): Promise<string> {
	if (!stream || typeof (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator] !== 'function') return String(stream ?? '');
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			chunks.push(Buffer.from(chunk));
			size += chunk.length;
			if (size >= MAX_ERROR_BODY_BYTES) break;
		}
	} catch {
		// A cut-off error body still names the status; what was read is enough.
	}
	return Buffer.concat(chunks).toString('utf8');
}
