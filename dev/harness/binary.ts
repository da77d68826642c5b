// Binary data for tests: checksums, distinct file bytes, inline or filesystem-stored n8n binaries.
import './environment';

import { createHash } from 'node:crypto';

import type { IBinaryData } from 'n8n-workflow';

import type { BinaryDataService } from 'n8n-core';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Bytes that differ from file to file, so a mix-up of parts cannot pass a checksum test. */
export function fileBytes(size: number, seed = 1): Buffer {
	const bytes = Buffer.alloc(size);
	for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
	return bytes;
}

/** Binary data held in the item as base64, as n8n keeps it in its default in-memory mode. */
export function inlineBinary(bytes: Buffer, mimeType: string, fileName?: string): IBinaryData {
	return { data: bytes.toString('base64'), mimeType, ...(fileName ? { fileName } : {}) };
}

/** Binary data written to n8n's filesystem store and referenced by id, as real n8n 2.x does. */
export async function storedBinary(service: BinaryDataService, bytes: Buffer, mimeType: string, fileName?: string): Promise<IBinaryData> {
	return await service.store({ type: 'execution', workflowId: 'wf-ringcentral', executionId: 'upstream' }, bytes, {
		data: '',
		mimeType,
		...(fileName ? { fileName } : {}),
	});
}
