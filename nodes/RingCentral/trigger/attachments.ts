/**
 * Files of an inbound MMS, downloaded through the transport (paced, authenticated) into n8n binary
 * data. Only the IDs are taken from an attachment's URI; the host must be the credential's server
 * or a RingCentral media host (the transport refuses any other), so the token never goes elsewhere.
 */
import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { displayUrl } from '../../../credentials/common/ringcentral/apiErrors';
import { safeFileName } from '../helpers/fileNames';
import { extensionFor, mmsContentType } from '../helpers/mmsTypes';
import { DEFAULT_POLICY, ENDPOINTS, ringCentralRequest } from '../transport';

const CONTENT_PATH = /^\/restapi\/v1\.0\/account\/([^/]+)\/extension\/([^/]+)\/message-store\/([^/]+)\/content\/([^/]+)$/;

export interface AttachmentTarget {
	/** The URI's origin, e.g. https://media.ringcentral.com. */
	origin: string;
	params: { accountId: string; extensionId: string; messageId: string; attachmentId: string };
}

/** The origin and IDs of a message-store content URI; undefined when it is not one. */
export function attachmentTarget(uri: unknown): AttachmentTarget | undefined {
	if (typeof uri !== 'string' || !URL.canParse(uri)) return undefined;
	const url = new URL(uri);
	const match = CONTENT_PATH.exec(url.pathname);
	if (!match) return undefined;
	const [accountId, extensionId, messageId, attachmentId] = match.slice(1).map(decodeURIComponent);
	return { origin: url.origin, params: { accountId, extensionId, messageId, attachmentId } };
}

type BinaryInput = Parameters<IWebhookFunctions['helpers']['prepareBinaryData']>[0];

async function download(context: IWebhookFunctions, credentialType: string, attachment: IDataObject, index: number) {
	const target = attachmentTarget(attachment.uri);
	if (!target) throw new Error(`its URI ${displayUrl(String(attachment.uri ?? ''))} is not a RingCentral message attachment`);
	const response = await ringCentralRequest.call(context, credentialType, {
		endpoint: ENDPOINTS.readMessageContent,
		params: target.params,
		origin: target.origin,
		policy: DEFAULT_POLICY,
	});
	const declared = typeof attachment.contentType === 'string' && attachment.contentType ? attachment.contentType : String(response.headers['content-type'] ?? '');
	const mimeType = declared.split(';')[0].trim().toLowerCase() || 'application/octet-stream';
	const fallback = `attachment-${index + 1}.${extensionFor(mmsContentType(mimeType, undefined) ?? mimeType)}`;
	const fileName = safeFileName(typeof attachment.fileName === 'string' ? attachment.fileName : '', fallback);
	return await context.helpers.prepareBinaryData(response.body as BinaryInput, fileName, mimeType);
}

/**
 * Downloads each MmsAttachment into `<prefix><n>` (n from 0) and notes that property on its entry;
 * one that cannot be had keeps its entry with `downloadError` instead, the others still arrive.
 * Text attachments (the message text, also in `subject`) are not downloaded.
 */
export async function downloadAttachments(
	context: IWebhookFunctions,
	credentialType: string,
	attachments: unknown[],
	prefix: string,
): Promise<{ attachments: IDataObject[]; binary: IBinaryKeyData }> {
	const binary: IBinaryKeyData = {};
	const entries: IDataObject[] = [];
	let index = 0;
	for (const attachment of attachments as IDataObject[]) {
		if (attachment?.type !== 'MmsAttachment') {
			entries.push(attachment);
			continue;
		}
		const property = `${prefix}${index}`;
		try {
			binary[property] = await download(context, credentialType, attachment, index);
			entries.push({ ...attachment, binaryProperty: property });
		} catch (error) {
			entries.push({ ...attachment, downloadError: (error as Error).message });
		}
		index++;
	}
	return { attachments: entries, binary };
}
