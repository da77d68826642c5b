/** Download Attachment: a message's files streamed into n8n binary data, one request per file. */
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { messageIdField } from '../../descriptions/fields';
import { storeOptionsField } from '../../descriptions/options';
import { safeFileName } from '../../helpers/fileNames';
import { extensionFor } from '../../helpers/mmsTypes';
import { invalidField, parseRecordId } from '../../helpers/validation';
import { ENDPOINTS, ringCentralJson, ringCentralRequest } from '../../transport';
import type { ItemOperation } from '../types';
import { explainNotFound, readMessageRef, type MessageRef } from './store';

const fields: INodeProperties[] = [
	{
		displayName: 'All Attachments',
		name: 'allAttachments',
		type: 'boolean',
		default: true,
		description: "Whether to download every file of the message (not its text, which is the message's subject) instead of one attachment",
	},
	{
		displayName: 'Attachment ID',
		name: 'attachmentId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '315450330011',
		description: "ID of the attachment: the ID of an entry of the message's attachments list",
		displayOptions: { show: { allAttachments: [false] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary property that receives the file',
		displayOptions: { show: { allAttachments: [false] } },
	},
	{
		displayName: 'Binary Field Prefix',
		name: 'binaryPropertyPrefix',
		type: 'string',
		default: 'attachment_',
		required: true,
		description: 'Prefix of the binary properties that receive the files, numbered from 0: attachment_0, attachment_1, …',
		displayOptions: { show: { allAttachments: [true] } },
	},
];

function describe(attachment: IDataObject): string {
	return `${String(attachment.id)} (${[attachment.type, attachment.fileName, attachment.contentType].filter(Boolean).join(', ')})`;
}

/** The attachments to download, and the binary property of each; refuses a wrong name or ID before any download. */
function choose(context: IExecuteFunctions, itemIndex: number, ref: MessageRef, info: IDataObject): Array<{ attachment: IDataObject; property: string }> {
	const node = context.getNode();
	const attachments = (Array.isArray(info.attachments) ? info.attachments : []) as IDataObject[];
	if (context.getNodeParameter('allAttachments', itemIndex, true) !== false) {
		const prefix = String(context.getNodeParameter('binaryPropertyPrefix', itemIndex, 'attachment_')).trim();
		if (prefix === '') throw invalidField(node, itemIndex, 'Binary Field Prefix', prefix, 'it is empty', 'Enter a prefix such as attachment_.');
		// The Text attachment repeats the message's text (its subject): the files are the rest.
		return attachments.filter((attachment) => attachment.type !== 'Text').map((attachment, index) => ({ attachment, property: `${prefix}${index}` }));
	}
	const property = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (property === '') throw invalidField(node, itemIndex, 'Put Output File in Field', property, 'it is empty', 'Enter a field name such as data.');
	const attachmentId = parseRecordId(node, itemIndex, 'Attachment ID', context.getNodeParameter('attachmentId', itemIndex, ''), "Map the id of an entry of the message's attachments.");
	const attachment = attachments.find((candidate) => String(candidate.id) === attachmentId);
	if (!attachment) {
		throw new NodeOperationError(node, `Message ${ref.messageId} has no attachment ${attachmentId}`, {
			itemIndex,
			description: attachments.length ? `Its attachments are: ${attachments.map(describe).join('; ')}.` : 'The message has no attachments.',
		});
	}
	return [{ attachment, property }];
}

function fileNameOf(ref: MessageRef, attachment: IDataObject, contentType: string): string {
	const fallback = `${attachment.type === 'Text' ? 'text' : 'attachment'}-${ref.messageId}-${String(attachment.id)}.${extensionFor(contentType)}`;
	return typeof attachment.fileName === 'string' ? safeFileName(attachment.fileName, fallback) : fallback;
}

/** Getting a message's files: https://developers.ringcentral.com/api-reference/Message-Store/readMessageContent (Medium group, media entry point). */
export const downloadAttachment: ItemOperation = {
	value: 'downloadAttachment',
	name: 'Download Attachment',
	action: 'Download a message attachment',
	description: "Download a message's files (MMS pictures, fax documents, voicemail audio) as binary data",
	kind: 'item',
	sends: false,
	properties: [messageIdField(), ...fields, storeOptionsField()],

	async execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]> {
		const ref = readMessageRef(this, itemIndex);
		let info: IDataObject;
		try {
			info = await ringCentralJson.call(this, credentialType, { endpoint: ENDPOINTS.readMessage, params: { ...ref.params, messageId: ref.messageId }, itemIndex, policy: ref.options.policy });
		} catch (error) {
			throw explainNotFound(error, ref);
		}
		const binary: Record<string, IBinaryData> = {};
		// One file at a time: each is streamed to n8n's binary store before the next is requested.
		for (const { attachment, property } of choose(this, itemIndex, ref, info)) {
			const { body, headers } = await ringCentralRequest.call(this, credentialType, {
				endpoint: ENDPOINTS.readMessageContent,
				params: { ...ref.params, messageId: ref.messageId, attachmentId: String(attachment.id) },
				itemIndex,
				policy: ref.options.policy,
			});
			const contentType = String(attachment.contentType ?? headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
			const fileName = fileNameOf(ref, attachment, contentType);
			try {
				binary[property] = await this.helpers.prepareBinaryData(body as Buffer, fileName, contentType);
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `The download of attachment ${String(attachment.id)} of message ${ref.messageId} broke off: ${(error as Error).message}`, {
					itemIndex,
					description: 'Run the item again. For large files on a slow connection, raise Options > Timeout.',
				});
			}
		}
		return [Object.keys(binary).length > 0 ? { json: info, binary } : { json: info }];
	},
};
