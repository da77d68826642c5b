/** Send MMS: the item's files as a multipart request to RingCentral's /mms (multipart only, attachments required). */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { recipientsField, senderField, textField } from '../../descriptions/fields';
import { sendOptionsField } from '../../descriptions/options';
import { attachmentPropertyNames, describeAttachments, readAttachmentBytes } from '../../helpers/attachments';
import { keyFieldsFirst } from '../../helpers/messageInfo';
import { buildMultipart, ENDPOINTS, ringCentralJson } from '../../transport';
import type { ItemOperation } from '../types';
import { describeMessage, messageBody, readMessage } from './message';

const fileFields: INodeProperties[] = [
	{
		displayName: 'Send All Binary Files',
		name: 'sendAllBinaryProperties',
		type: 'boolean',
		default: false,
		description: 'Whether to attach every binary property of the item instead of the ones named below',
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
		displayOptions: { show: { sendAllBinaryProperties: [false] } },
	},
];

export const sendMms: ItemOperation = {
	value: 'sendMms',
	name: 'Send MMS',
	action: 'Send an MMS',
	description: 'Send files from the item (pictures, PDFs, vCards…) with optional text',
	kind: 'item',
	sends: true,
	properties: [
		senderField('getMmsSenders', 'MMS', '. Toll-free numbers cannot send MMS, so they are not listed'),
		recipientsField,
		textField(false),
		...fileFields,
		sendOptionsField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const message = readMessage(this, itemIndex, false);
		const sendAll = this.getNodeParameter('sendAllBinaryProperties', itemIndex, false) === true;
		const requested = sendAll ? undefined : this.getNodeParameter('binaryPropertyName', itemIndex, 'data');
		const available = Object.keys(this.getInputData()[itemIndex]?.binary ?? {});
		const files = await describeAttachments(this, itemIndex, attachmentPropertyNames(requested, sendAll, available), requested);
		const body = buildMultipart(messageBody(message), await readAttachmentBytes(this, itemIndex, files));
		const json = await ringCentralJson.call(this, credentialType, {
			endpoint: ENDPOINTS.sendMms,
			params: { accountId: message.options.accountId, extensionId: message.options.extensionId },
			body,
			itemIndex,
			about: `${describeMessage('MMS', message)} with ${files.map((file) => file.fileName).join(', ')}`,
			policy: message.options.policy,
		});
		return [{ json: keyFieldsFirst(json) }];
	},
};
