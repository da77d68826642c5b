/** The item's files checked against RingCentral's MMS rules before anything is read or sent. */
import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { safeFileName } from './fileNames';
import { invalidField } from './validation';
import { SUPPORTED_MMS_TYPES, extensionFor, mmsContentType } from './mmsTypes';

export const MAX_ATTACHMENTS = 10;
export const MAX_TOTAL_ATTACHMENT_BYTES = 1_500_000;

export interface AttachmentFile {
	property: string;
	fileName: string;
	contentType: string;
	size: number;
}

const FIELD = 'Attachments';
const formatBytes = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/** The binary properties to send, named by the user or all of the item's. */
export function attachmentPropertyNames(value: unknown, all: boolean, available: string[]): string[] {
	if (all) return available;
	const names = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

/**
 * Checks the item's files against RingCentral's MMS rules before anything is read or sent.
 * Sizes come from metadata (stored files) or the base64 length (inline files), not from reading.
 */
export async function describeAttachments(
	context: IExecuteFunctions,
	itemIndex: number,
	names: string[],
	requestedValue: unknown,
): Promise<AttachmentFile[]> {
	const node = context.getNode();
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	const available = Object.keys(binary);
	const has = available.length ? `The item has: ${available.join(', ')}.` : 'The item has no binary data at all.';
	if (names.length === 0) {
		throw invalidField(node, itemIndex, FIELD, requestedValue ?? '', 'no file to attach', `An MMS needs at least one file. ${has} Add a node that downloads or creates the file before this one.`);
	}
	const missing = names.filter((name) => !binary[name]);
	if (missing.length) {
		throw invalidField(node, itemIndex, FIELD, missing.join(', '), `the item has no binary property named ${missing.map((m) => `"${m}"`).join(', ')}`, `${has} Enter one of those names, or turn on Send All Binary Files.`);
	}
	if (names.length > MAX_ATTACHMENTS) {
		throw invalidField(node, itemIndex, FIELD, names.join(', '), `${names.length} files, but RingCentral takes at most ${MAX_ATTACHMENTS} per MMS`, 'Send fewer files per item, e.g. split them over several items.');
	}

	const files: AttachmentFile[] = [];
	for (const [index, property] of names.entries()) {
		const data: IBinaryData = binary[property];
		const size = data.id
			? (await context.helpers.getBinaryMetadata(data.id)).fileSize
			: Buffer.byteLength(data.data ?? '', 'base64');
		const label = `"${property}"${data.fileName ? ` (${data.fileName})` : ''}`;
		if (size === 0) {
			throw invalidField(node, itemIndex, FIELD, property, `the file ${label} is empty`, 'Check the node that produced the file; RingCentral refuses empty attachments.');
		}
		const contentType = mmsContentType(data.mimeType, data.fileName);
		if (!contentType) {
			throw invalidField(node, itemIndex, FIELD, property, `the file ${label} has the type "${data.mimeType || 'unknown'}", which RingCentral does not send by MMS`, `Convert it to one of: ${SUPPORTED_MMS_TYPES.join(', ')}.`);
		}
		const fileName = safeFileName(data.fileName ?? '', `attachment-${index + 1}.${extensionFor(contentType)}`);
		files.push({ property, fileName, contentType, size });
	}

	const total = files.reduce((sum, file) => sum + file.size, 0);
	if (total > MAX_TOTAL_ATTACHMENT_BYTES) {
		const sizes = files.map((file) => `${file.fileName}: ${formatBytes(file.size)}`).join('; ');
		throw invalidField(node, itemIndex, FIELD, names.join(', '), `the files total ${formatBytes(total)}, over RingCentral's limit of ${formatBytes(MAX_TOTAL_ATTACHMENT_BYTES)} per MMS (${sizes})`, 'Compress or resize the files, or send them over several messages.');
	}
	return files;
}

/** The files' bytes, in order, for the multipart body. */
export async function readAttachmentBytes(context: IExecuteFunctions, itemIndex: number, files: AttachmentFile[]): Promise<Array<{ fileName: string; contentType: string; bytes: Uint8Array }>> {
	const parts = [];
	for (const file of files) {
		const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, file.property);
		parts.push({ fileName: file.fileName, contentType: file.contentType, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
	}
	return parts;
}
