/** multipart/form-data for RingCentral from bytes: the JSON request part first, then one part per file. */

export interface FilePart {
	fileName: string;
	contentType: string;
	bytes: Uint8Array;
}

/**
 * Built from Blobs (not streams) so n8n can replay the body once after renewing an expired token.
 * Shape as RingCentral's own SDKs send it (https://developers.ringcentral.com/guide/messaging/sms/sending-images).
 */
export function buildMultipart(json: object, files: FilePart[]): FormData {
	const form = new FormData();
	form.append('json', new Blob([JSON.stringify(json)], { type: 'application/json' }), 'request.json');
	for (const file of files) {
		form.append('attachment', new Blob([file.bytes], { type: file.contentType }), file.fileName);
	}
	return form;
}
