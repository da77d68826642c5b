import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseRecipients, parseSender, parseText } from '../../helpers/validation';
import { extensionPath, ringCentralApiRequest } from '../../transport';
import { describeMessage, optionsField, readSendOptions, recipientsField, senderField } from './fields';

const OPERATION = 'send';

export const description: INodeProperties[] = [
	senderField(OPERATION, 'getSmsSenders', 'SmsSender'),
	recipientsField(OPERATION),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'The message, 1 to 1000 characters (emoji and other symbols outside the basic range count as 2)',
		displayOptions: { show: { resource: ['sms'], operation: [OPERATION] } },
	},
	optionsField(OPERATION),
];

/** Send SMS: one JSON request; RingCentral answers with the message info that becomes the output. */
export async function execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<IDataObject> {
	const node = this.getNode();
	const options = readSendOptions(this, itemIndex);
	const from = parseSender(node, itemIndex, this.getNodeParameter('from', itemIndex, '', { extractValue: true }), options.country);
	const to = parseRecipients(node, itemIndex, this.getNodeParameter('to', itemIndex, ''), options.country);
	const text = parseText(node, itemIndex, this.getNodeParameter('text', itemIndex, ''), true) as string;

	return await ringCentralApiRequest.call(
		this,
		credentialType,
		{
			method: 'POST',
			path: `${extensionPath(options.accountId, options.extensionId)}/sms`,
			body: { from: { phoneNumber: from }, to: to.map((phoneNumber) => ({ phoneNumber })), text },
			itemIndex,
			about: describeMessage('SMS', to, text),
		},
		options.policy,
	);
}
