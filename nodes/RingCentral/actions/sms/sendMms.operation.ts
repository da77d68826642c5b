import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { attachmentPropertyNames, buildMmsBody, describeAttachments } from '../../helpers/attachments';
import { extensionPath, ringCentralApiRequest } from '../../transport';
import { describeMessage, optionsField, readMessageFields, recipientsField, senderField, textField } from './fields';

const OPERATION = 'sendMms';
const show = { show: { resource: ['sms'], operation: [OPERATION] } };

export const description: INodeProperties[] = [
	senderField(OPERATION, 'getMmsSenders', 'MmsSender', '. Toll-free numbers cannot send MMS, so they are not listed'),
	recipientsField(OPERATION),
	textField(OPERATION, false),
	{
		displayName: 'Send All Binary Files',
		name: 'sendAllBinaryProperties',
		type: 'boolean',
		default: false,
		description: 'Whether to attach every binary property of the item instead of the ones named below',
		displayOptions: show,
	},
	{
		displayName: 'Attachments',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'data, photo',
		description:
			'Names of the binary properties of the item to attach, comma-separated. At most 10 files and 1.5 MB in total: images, video, audio, vCard, PDF, ZIP and text files.',
		displayOptions: { show: { ...show.show, sendAllBinaryProperties: [false] } },
	},
	optionsField(OPERATION),
];

/**
 * Send MMS: a multipart request to RingCentral's /mms endpoint (the dedicated MMS operation of its
 * API, which accepts only multipart and requires attachments), built from the item's binary data.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<IDataObject> {
	const { options, to, text, request } = readMessageFields(this, itemIndex, false);
	const sendAll = this.getNodeParameter('sendAllBinaryProperties', itemIndex, false) === true;
	const requested = sendAll ? undefined : this.getNodeParameter('binaryPropertyName', itemIndex, 'data');
	const available = Object.keys(this.getInputData()[itemIndex]?.binary ?? {});
	const names = attachmentPropertyNames(requested, sendAll, available);
	const files = await describeAttachments(this, itemIndex, names, requested);

	const fileNames = files.map((file) => file.fileName).join(', ');
	return await ringCentralApiRequest.call(
		this,
		credentialType,
		{
			method: 'POST',
			path: `${extensionPath(options.accountId, options.extensionId)}/mms`,
			body: await buildMmsBody(this, itemIndex, request, files),
			itemIndex,
			about: `${describeMessage('MMS', to, text)} with ${fileNames}`,
		},
		options.policy,
	);
}
