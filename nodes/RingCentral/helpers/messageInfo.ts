/** RingCentral's message info with the fields people look for first; nothing dropped or renamed. */
import type { IDataObject } from 'n8n-workflow';

/**
 * The ID to map next, the status, who and what: n8n's table, schema and JSON views follow key
 * order, and RingCentral answers with a long `uri` first. Every other field follows in
 * RingCentral's order (message info: https://developers.ringcentral.com/api-reference/SMS/createSMSMessage).
 */
export const KEY_FIELDS = ['id', 'messageStatus', 'to', 'from', 'subject', 'text'] as const;

/** The same fields and values, KEY_FIELDS first. A non-object (an unexpected answer) is returned as it is. */
export function keyFieldsFirst<T>(record: T): T {
	if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
	const source = record as IDataObject;
	const ordered: IDataObject = {};
	for (const key of KEY_FIELDS) if (Object.prototype.hasOwnProperty.call(source, key)) ordered[key] = source[key];
	for (const [key, value] of Object.entries(source)) if (!(key in ordered)) ordered[key] = value;
	return ordered as T;
}
