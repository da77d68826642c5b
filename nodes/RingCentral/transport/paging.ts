/** Every page of a RingCentral list: page numbers (paging/navigation) or page tokens (paging.nextPageToken). */
import type { IDataObject } from 'n8n-workflow';

import { ringCentralRequest, type ApiRequest } from './request';
import type { RingCentralContext } from './types';

export interface PagingOptions {
	/** Records per request (RingCentral's perPage). Default 100. */
	perPage?: number;
	/** Stop once this many records were read. Default: all. */
	limit?: number;
	/** Guards against a server whose paging never ends. Default 1000. */
	maxPages?: number;
	/** Lists paged by token only (A2P): no page number is sent. */
	byToken?: boolean;
	/** Keeps only the records it accepts; `limit` counts kept records. */
	keep?: (record: IDataObject) => boolean;
}

/**
 * Reads a list page after page until RingCentral says there is no next page, `limit` records
 * were read or `maxPages` requests were made. Pages follow https://developers.ringcentral.com/guide/basics/paging.
 */
export async function readAllPages(this: RingCentralContext, credentialType: string, request: ApiRequest, options: PagingOptions = {}): Promise<IDataObject[]> {
	const perPage = options.perPage ?? 100;
	const limit = options.limit ?? Infinity;
	const maxPages = options.maxPages ?? 1000;
	const records: IDataObject[] = [];
	// A filtered list may need many records per kept one: only an unfiltered limit shrinks the page.
	const pageSize = Number.isFinite(limit) && !options.keep ? Math.min(perPage, Math.max(1, limit)) : perPage;
	let qs: IDataObject = { ...request.qs, perPage: pageSize };
	for (let page = 1; page <= maxPages; page++) {
		if (qs.pageToken === undefined && !options.byToken) qs.page = page;
		const { body } = await ringCentralRequest.call(this, credentialType, { ...request, qs });
		const answer = (body ?? {}) as IDataObject;
		for (const record of (answer.records ?? []) as IDataObject[]) {
			if (options.keep && !options.keep(record)) continue;
			records.push(record);
			if (records.length >= limit) return records;
		}
		const paging = (answer.paging ?? {}) as IDataObject;
		const navigation = (answer.navigation ?? {}) as IDataObject;
		if (typeof paging.nextPageToken === 'string' && paging.nextPageToken !== '') {
			qs = { ...qs, pageToken: paging.nextPageToken };
			delete qs.page;
			continue;
		}
		const totalPages = Number(paging.totalPages);
		const more = Number.isFinite(totalPages) ? page < totalPages : Boolean(navigation.nextPage);
		if (!more || qs.pageToken !== undefined) break;
	}
	return records;
}
