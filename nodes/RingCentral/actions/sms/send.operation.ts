import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { extensionPath, ringCentralApiRequest } from '../../transport';
import { describeMessage, optionsField, readMessageFields, recipientsField, senderField, textField } from './fields';

const OPERATION = 'send';

export const description: INodeProperties[] = [
	senderField(OPERATION, 'getSmsSenders', 'SmsSender'),
	recipientsField(OPERATION),
	textField(OPERATION, true),
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
