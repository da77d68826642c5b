/** Send SMS: one JSON request to RingCentral's /sms; its message info becomes the output item. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { recipientsField, senderField, textField } from '../../descriptions/fields';
import { sendOptionsField } from '../../descriptions/options';
import { keyFieldsFirst } from '../../helpers/messageInfo';
import { ENDPOINTS, ringCentralJson } from '../../transport';
import type { ItemOperation } from '../types';
import { describeMessage, messageBody, readMessage } from './message';

export const send: ItemOperation = {
	value: 'send',
	name: 'Send SMS',
	action: 'Send an SMS',
	description: 'Send a text message to one number or a group',
	kind: 'item',
	sends: true,
	properties: [senderField('getSmsSenders', 'SMS'), recipientsField, textField(true), sendOptionsField],

	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const message = readMessage(this, itemIndex, true);
		const json = await ringCentralJson.call(this, credentialType, {
			endpoint: ENDPOINTS.sendSms,
			params: { accountId: message.options.accountId, extensionId: message.options.extensionId },
			body: messageBody(message),
			itemIndex,
			about: describeMessage('SMS', message),
			policy: message.options.policy,
		});
		return [{ json: keyFieldsFirst(json) }];
	},
};
