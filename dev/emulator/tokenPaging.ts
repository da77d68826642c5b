// Paging by page token (RingCentral's NonEnumeratedPagingModel), perPage 1 to 1000 (default 1000).
// Tokens are opaque and bound to the query they were issued for.
import { createHash } from 'node:crypto';

import { ApiError, invalidParameter } from './errors';
import type { RequestContext } from './routes';

const MAX_PER_PAGE = 1000;

/** The query without paging parameters: a token only continues the listing it came from. */
function queryKey(ctx: RequestContext): string {
	const entries = [...ctx.query.entries()].filter(([name]) => name !== 'pageToken' && name !== 'perPage').sort(([a], [b]) => a.localeCompare(b));
	return createHash('sha256').update(`${ctx.pathname}?${JSON.stringify(entries)}`).digest('hex').slice(0, 16);
}

const tokenFor = (key: string, offset: number) => Buffer.from(JSON.stringify({ k: key, o: offset })).toString('base64url');

function offsetOf(ctx: RequestContext, key: string): number {
	const token = ctx.query.get('pageToken');
	if (token === null || token === '') return 0;
	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { k?: unknown; o?: unknown };
		if (parsed.k === key && Number.isInteger(parsed.o) && (parsed.o as number) >= 0) return parsed.o as number;
	} catch {
		// falls through to the refusal
	}
	throw new ApiError(400, 'CMN-101', 'Parameter [pageToken] value is invalid.', { parameterName: 'pageToken' });
}

/** One page of `records` with RingCentral's paging object. */
export function tokenPage<T>(ctx: RequestContext, records: T[]): { records: T[]; paging: Record<string, unknown> } {
	const raw = ctx.query.get('perPage');
	if (raw !== null && (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PER_PAGE)) throw invalidParameter('perPage');
	const perPage = raw === null ? MAX_PER_PAGE : Number(raw);
	const key = queryKey(ctx);
	const offset = offsetOf(ctx, key);
	const page = records.slice(offset, offset + perPage);
	const paging: Record<string, unknown> = { perPage, pageToken: tokenFor(key, offset), firstPageToken: tokenFor(key, 0) };
	if (offset + perPage < records.length) paging.nextPageToken = tokenFor(key, offset + perPage);
	if (offset > 0) paging.previousPageToken = tokenFor(key, Math.max(0, offset - perPage));
	return { records: page, paging };
}
