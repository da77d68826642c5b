/** Get: one message's info from RingCentral's message store (status, recipients, attachments). */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { messageIdField } from '../../descriptions/fields';
import { storeOptionsField } from '../../descriptions/options';
import { keyFieldsFirst } from '../../helpers/messageInfo';
import { ENDPOINTS, ringCentralJson } from '../../transport';
import type { ItemOperation } from '../types';
import { explainNotFound, readMessageRef } from './store';

/** https://developers.ringcentral.com/api-reference/Message-Store/readMessage (Light group). */
export const get: ItemOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get a message',
	description: "Get a message's info: status, recipients, text and attachments",
	kind: 'item',
	sends: false,
	properties: [messageIdField(), storeOptionsField()],

	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const ref = readMessageRef(this, itemIndex);
		try {
			const json = await ringCentralJson.call(this, credentialType, { endpoint: ENDPOINTS.readMessage, params: { ...ref.params, messageId: ref.messageId }, itemIndex, policy: ref.options.policy });
			return [{ json: keyFieldsFirst(json) }];
		} catch (error) {
			throw explainNotFound(error, ref);
		}
	},
};
