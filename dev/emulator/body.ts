// Request-body parsing shared by every route, so the journal can show what a
// client really sent whatever the route decides to do with it.
import { createHash } from 'node:crypto';
import { MultipartError, parseHeaderValue, parseMultipart, type MultipartPart } from './multipart';
import type { ParsedBody } from './routes';
import type { JournalPart } from './types';

export function isJsonMediaType(mediaType: string | undefined): boolean {
	return mediaType === 'application/json' || (mediaType ?? '').endsWith('+json');
}

/** RingCentral takes the first part as the JSON body; clients name it json or request.json. */
export function isJsonPart(part: MultipartPart | undefined): boolean {
	if (!part) return false;
	return isJsonMediaType(part.contentType) || part.name === 'json' || part.name === 'request.json';
}

export function describePart(part: MultipartPart): JournalPart {
	const described: JournalPart = {
		name: part.name ?? '',
		size: part.data.length,
		sha256: createHash('sha256').update(part.data).digest('hex'),
	};
	if (part.fileName !== undefined) described.fileName = part.fileName;
	if (part.contentType !== undefined) described.contentType = part.contentType;
	return described;
}

function parseJson(text: string, body: ParsedBody): void {
	try {
		body.json = JSON.parse(text);
	} catch {
		body.jsonError = true;
	}
}

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
	const { value: mediaType, params: mediaParams } = parseHeaderValue(contentType);
	const body: ParsedBody = { raw, mediaType, mediaParams };
	if (isJsonMediaType(mediaType)) {
		parseJson(raw.toString('utf8'), body);
	} else if (mediaType === 'application/x-www-form-urlencoded') {
		body.form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
	} else if (mediaType.startsWith('multipart/')) {
		try {
			body.parts = parseMultipart(raw, mediaParams.boundary ?? '');
			if (isJsonPart(body.parts[0])) parseJson(body.parts[0].data.toString('utf8'), body);
		} catch (error) {
			body.multipartError = error instanceof MultipartError ? error.message : String(error);
		}
	}
	return body;
}

/** What the journal shows as `body`. */
export function journalBody(body: ParsedBody): unknown {
	if (body.json !== undefined) return body.json;
	if (body.form) return body.form;
	if (body.jsonError) return body.raw.toString('utf8');
	return undefined;
}
