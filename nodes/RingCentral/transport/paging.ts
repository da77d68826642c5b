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
	let qs: IDataObject = { ...request.qs, perPage: Math.min(perPage, Number.isFinite(limit) ? Math.max(1, limit) : perPage) };
	for (let page = 1; page <= maxPages; page++) {
		if (qs.pageToken === undefined) qs.page = page;
		const { body } = await ringCentralRequest.call(this, credentialType, { ...request, qs });
		const answer = (body ?? {}) as IDataObject;
		for (const record of (answer.records ?? []) as IDataObject[]) {
			records.push(record);
			if (records.length >= limit) return records;
		}
		const paging = (answer.paging ?? {}) as IDataObject;
		const navigation = (answer.navigation ?? {}) as IDataObject;
		if (typeof paging.nextPageToken === 'string' && paging.nextPageToken !== '') {
			qs = { ...qs, page: undefined, pageToken: paging.nextPageToken };
			delete qs.page;
			continue;
		}
		const totalPages = Number(paging.totalPages);
		const more = Number.isFinite(totalPages) ? page < totalPages : Boolean(navigation.nextPage);
		if (!more || qs.pageToken !== undefined) break;
	}
	return records;
}
