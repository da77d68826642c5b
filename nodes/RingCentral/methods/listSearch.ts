import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { credentialTypeFor, extensionPath, ringCentralApiRequest } from '../transport';

const PAGE_SIZE = 100;
/** Guards against a server whose paging never ends. */
const MAX_PAGES = 50;

interface PhoneNumberRecord {
	phoneNumber?: string;
	features?: string[];
	usageType?: string;
	label?: string;
}

/** Every page of the extension's numbers that carry `feature`, as From list entries. */
async function listSenders(this: ILoadOptionsFunctions, feature: string, filter?: string): Promise<INodeListSearchResult> {
	const credentialType = credentialTypeFor(this.getCurrentNodeParameter('authentication'));
	const options = (this.getCurrentNodeParameter('options') ?? {}) as IDataObject;
	const path = `${extensionPath(String(options.accountId || '~'), String(options.extensionId || '~'))}/phone-number`;
	const results: INodeListSearchItems[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const response = await ringCentralApiRequest.call(this, credentialType, {
			method: 'GET',
			path,
			qs: { page, perPage: PAGE_SIZE },
		});
		for (const record of (response.records ?? []) as PhoneNumberRecord[]) {
			if (!record.phoneNumber || !record.features?.includes(feature)) continue;
			const details = [record.usageType?.replace(/([a-z])([A-Z])/g, '$1 $2'), record.label].filter(Boolean).join(', ');
			results.push({ name: details ? `${record.phoneNumber} (${details})` : record.phoneNumber, value: record.phoneNumber });
		}
		const paging = (response.paging ?? {}) as IDataObject;
		const navigation = (response.navigation ?? {}) as IDataObject;
		const totalPages = Number(paging.totalPages);
		const more = Number.isFinite(totalPages) ? page < totalPages : Boolean(navigation.nextPage);
		if (!more) break;
	}
	const needle = filter?.trim().toLowerCase().replace(/[\s().-]/g, '');
	return {
		results: needle
			? results.filter((entry) => entry.name.toLowerCase().replace(/[\s().-]/g, '').includes(needle))
			: results,
	};
}

export async function getSmsSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listSenders.call(this, 'SmsSender', filter);
}

export async function getMmsSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await listSenders.call(this, 'MmsSender', filter);
}
