/** The editor's From lists: the user's numbers that RingCentral enabled for SMS, MMS or High Volume SMS, every page read. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { excerpt } from '../helpers/text';
import { parsePathId } from '../helpers/validation';
import { credentialTypeFor, ENDPOINTS, readAllPages } from '../transport';

interface PhoneNumberRecord {
	phoneNumber?: string;
	features?: string[];
	usageType?: string;
	label?: string;
}

/**
 * The number first, then its label in RingCentral (or, without one, its usage type), short: n8n
 * shows the picked entry's name in the From field, about 36 characters wide.
 * "+16505550100 · Main direct line", "+16505550110 · Main Company Number".
 */
function entryName(phoneNumber: string, record: PhoneNumberRecord): string {
	const about = record.label?.trim() || record.usageType?.replace(/([a-z])([A-Z])/g, '$1 $2');
	return about ? `${phoneNumber} · ${excerpt(about, 22)}` : phoneNumber;
}

/** Numbers of the extension (Options > Account ID / Extension ID) that carry `feature`, as list entries. */
async function listSenders(this: ILoadOptionsFunctions, feature: string, filter?: string): Promise<INodeListSearchResult> {
	const credentialType = credentialTypeFor(this.getCurrentNodeParameter('authentication'));
	const options = (this.getCurrentNodeParameter('options') ?? {}) as IDataObject;
	const node = this.getNode();
	const params = {
		accountId: parsePathId(node, undefined, 'Account ID', options.accountId),
		extensionId: parsePathId(node, undefined, 'Extension ID', options.extensionId),
	};
	const records = (await readAllPages.call(this, credentialType, { endpoint: ENDPOINTS.listPhoneNumbers, params }, { maxPages: 50 })) as PhoneNumberRecord[];
	const results: INodeListSearchItems[] = [];
	for (const record of records) {
		if (!record.phoneNumber || !record.features?.includes(feature)) continue;
		results.push({ name: entryName(record.phoneNumber, record), value: record.phoneNumber });
	}
	const needle = filter?.trim().toLowerCase().replace(/[\s().-]/g, '');
	return {
		results: needle ? results.filter((entry) => entry.name.toLowerCase().replace(/[\s().-]/g, '').includes(needle)) : results,
	};
}

export const listSearch = {
	async getSmsSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await listSenders.call(this, 'SmsSender', filter);
	},
	async getMmsSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await listSenders.call(this, 'MmsSender', filter);
	},
	/** High Volume SMS (A2P) numbers: https://developers.ringcentral.com/guide/messaging/sms/high-volume/valid-a2p-sms-numbers */
	async getA2pSmsSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await listSenders.call(this, 'A2PSmsSender', filter);
	},
};
