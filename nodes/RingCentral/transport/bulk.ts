/** Several resources by ID in one request: RingCentral's bulk syntax (comma-separated IDs) and its 207 parts. */
import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { scrubberFor } from './credential';
import type { Endpoint, PathParam } from './endpoints';
import { ringCentralApiError, unreadableAnswer, type ErrorScope } from './errors';
import type { RequestPolicy } from './policy';
import { ringCentralRequest } from './request';
import type { RingCentralContext } from './types';

export interface BulkRead {
	/** The endpoint for one ID, and the same path asked for RingCentral's multipart+json form for several. */
	single: Endpoint;
	bulk: Endpoint;
	/** The placeholder that takes the ID(s). */
	idParam: string;
	/** Distinct IDs; callers keep them within RingCentral's bulk limit. */
	ids: string[];
	params?: Record<string, PathParam>;
	itemIndex?: number;
	policy?: RequestPolicy;
}

export interface BulkAnswer {
	/** Per ID: its record, or the error RingCentral gave for that ID alone. */
	results: Map<string, IDataObject | Error>;
	/** The group's limit from the answer's X-Rate-Limit-* headers, when it sent them. */
	rateLimit?: { limit: number; windowMs: number };
}

/** One part of RingCentral's multipart+json answer (https://developers.ringcentral.com/guide/basics/batch-requests). */
interface Part {
	resourceId?: string;
	status?: number;
	body?: unknown;
}

/**
 * Reads the IDs in one request. Per ID: its record, or the error RingCentral gave for that ID
 * alone (a 207 part such as 404 CMN-102). A failure of the whole request throws, as does any
 * failure when a single ID is read (then the request and the ID are one).
 */
export async function readByIds(this: RingCentralContext, credentialType: string, read: BulkRead): Promise<BulkAnswer> {
	const { ids, itemIndex, policy } = read;
	const results = new Map<string, IDataObject | Error>();
	if (ids.length === 1) {
		const { body, headers } = await ringCentralRequest.call(this, credentialType, { endpoint: read.single, params: { ...read.params, [read.idParam]: ids[0] }, itemIndex, policy });
		results.set(ids[0], body as IDataObject);
		return { results, rateLimit: rateLimitOf(headers) };
	}
	const { status, body, headers } = await ringCentralRequest.call(this, credentialType, { endpoint: read.bulk, params: { ...read.params, [read.idParam]: ids }, itemIndex, policy });
	const scope: ErrorScope = { node: this.getNode(), itemIndex, scrub: await scrubberFor(this, credentialType) };
	if (!Array.isArray(body)) throw unreadableAnswer(scope, status);
	const parts = body as Part[];
	ids.forEach((id, position) => {
		// Parts name their ID; RingCentral's multipart/mixed form relies on order, so order is the fallback.
		const part = parts.find((candidate) => String(candidate?.resourceId) === id) ?? (parts[position]?.resourceId === undefined ? parts[position] : undefined);
		if (!part || typeof part.status !== 'number') {
			results.set(id, new NodeApiError(scope.node, { message: 'missing part' } as JsonObject, { message: `RingCentral's answer to a bulk read had no part for ID ${id}`, itemIndex }));
		} else if (part.status >= 200 && part.status < 300 && typeof part.body === 'object' && part.body !== null) {
			results.set(id, part.body as IDataObject);
		} else {
			results.set(id, ringCentralApiError(scope, part.status, part.body));
		}
	});
	return { results, rateLimit: rateLimitOf(headers) };
}

function rateLimitOf(headers: IDataObject): BulkAnswer['rateLimit'] {
	const limit = Number(headers['x-rate-limit-limit']);
	const windowMs = Number(headers['x-rate-limit-window']) * 1000;
	return limit > 0 && windowMs > 0 ? { limit, windowMs } : undefined;
}
