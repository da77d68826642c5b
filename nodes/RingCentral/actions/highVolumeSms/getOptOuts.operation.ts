/** Get Opt-Outs (High Volume SMS): the recipients who opted out from a sender number, one item each. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { senderField } from '../../descriptions/fields';
import { returnAllFields } from '../../descriptions/fields';
import { optOutOptions } from '../../descriptions/highVolumeSms';
import { invalidField, parseSender } from '../../helpers/validation';
import { ENDPOINTS, readAllPages } from '../../transport';
import { readItemOptions, readLimit } from '../readOptions';
import type { ItemOperation } from '../types';

const STATUSES = ['optout', 'optin', 'all'];

export const getOptOuts: ItemOperation = {
	value: 'getOptOuts',
	name: 'Get Opt-Outs',
	action: 'Get high volume SMS opt-outs',
	description: 'List the recipients who opted out (replied STOP) from a sender number, to drop them before sending',
	kind: 'item',
	sends: false,
	properties: [
		{ ...senderField('getA2pSmsSenders', 'High Volume SMS'), description: 'The High Volume SMS number the recipients opted out from' },
		...returnAllFields,
		optOutOptions,
	],

	/**
	 * GET /restapi/v1.0/account/{accountId}/a2p-sms/opt-outs?from=…&status=optout, every page by
	 * `pageToken` until Limit: one item per OptOutResponse (from, to, status OptOut|OptIn, source).
	 * https://developers.ringcentral.com/guide/messaging/sms/high-volume/opt-out
	 */
	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const node = this.getNode();
		const options = readItemOptions(this, itemIndex);
		const from = parseSender(node, itemIndex, this.getNodeParameter('from', itemIndex, '', { extractValue: true }), options.country);
		const raw = (this.getNodeParameter('options', itemIndex, {}) as IDataObject).status;
		const status = raw === undefined || raw === '' ? 'optout' : String(raw);
		if (!STATUSES.includes(status)) throw invalidField(node, itemIndex, 'Status', raw, 'it is not optout, optin or all', 'Pick a status from the list.');
		const records = await readAllPages.call(
			this,
			credentialType,
			{ endpoint: ENDPOINTS.a2pListOptOuts, params: { accountId: options.accountId }, qs: { from, status }, itemIndex, policy: options.policy },
			{ perPage: 1000, limit: readLimit(this, itemIndex), byToken: true },
		);
		return records.map((json) => ({ json }));
	},
};
