import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { extensionPath, ringCentralApiRequest } from '../../transport';
import { describeMessage, optionsField, readMessageFields, recipientsField, senderField } from './fields';

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
	const { options, to, text, request } = readMessageFields(this, itemIndex, true);
	return await ringCentralApiRequest.call(
		this,
		credentialType,
		{
			method: 'POST',
			path: `${extensionPath(options.accountId, options.extensionId)}/sms`,
			body: request,
			itemIndex,
			about: describeMessage('SMS', to, text),
		},
		options.policy,
	);
}
