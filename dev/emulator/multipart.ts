// A small, strict multipart parser (RFC 2046 / 7578) for Buffers. It works on
// bytes so binary attachments survive untouched and their sha256 can be checked.

export interface HeaderValue {
	/** The value before the first ';', lowercased (e.g. 'multipart/form-data', 'form-data'). */
	value: string;
	/** Parameters with lowercase names; quoted values unquoted. */
	params: Record<string, string>;
}

export interface MultipartPart {
	/** Lowercase header names. */
	headers: Record<string, string>;
	/** Content-Disposition, if the part has one. */
	disposition?: HeaderValue;
	name?: string;
	fileName?: string;
	/** Content-Type without parameters, lowercased. */
	contentType?: string;
	data: Buffer;
}

export class MultipartError extends Error {}

/** Parses `type; a=1; b="quoted; \"value\""`. */
export function parseHeaderValue(header: string | undefined): HeaderValue {
	const text = header ?? '';
	const pieces: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted && ch === '\\' && i + 1 < text.length) {
			current += ch + text[++i];
		} else if (ch === '"') {
			quoted = !quoted;
			current += ch;
		} else if (ch === ';' && !quoted) {
			pieces.push(current);
			current = '';
		} else {
			current += ch;
		}
	}
	pieces.push(current);
	const params: Record<string, string> = {};
	for (const piece of pieces.slice(1)) {
		const eq = piece.indexOf('=');
		if (eq < 0) continue;
		const name = piece.slice(0, eq).trim().toLowerCase();
		let value = piece.slice(eq + 1).trim();
		if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
			value = value.slice(1, -1).replace(/\\(.)/g, '$1');
		}
		params[name] = value;
	}
	return { value: pieces[0].trim().toLowerCase(), params };
}

function parseHeaders(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

function isLineBreakOrEnd(body: Buffer, at: number): boolean {
	// After a delimiter only "--", whitespace (transport padding) or a line break may follow.
	if (at >= body.length) return true;
	const ch = body[at];
	return ch === 0x2d || ch === 0x0d || ch === 0x0a || ch === 0x20 || ch === 0x09;
}

/** Finds "--boundary" at `from` or right after a line feed. Returns the index of the dashes. */
function findDelimiter(body: Buffer, delimiter: Buffer, from: number): number {
	let at = from;
	for (;;) {
		const hit = body.indexOf(delimiter, at);
		if (hit < 0) return -1;
		if ((hit === 0 || body[hit - 1] === 0x0a) && isLineBreakOrEnd(body, hit + delimiter.length)) return hit;
		at = hit + 1;
	}
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	if (!boundary) throw new MultipartError('No boundary in Content-Type');
	const delimiter = Buffer.from(`--${boundary}`, 'latin1');
	let pos = findDelimiter(body, delimiter, 0);
	if (pos < 0) throw new MultipartError('Boundary not found in body');
	const parts: MultipartPart[] = [];
	for (;;) {
		pos += delimiter.length;
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts; // closing delimiter
		const lineEnd = body.indexOf(0x0a, pos);
		if (lineEnd < 0) throw new MultipartError('Truncated multipart body');
		const start = lineEnd + 1;
		const next = findDelimiter(body, delimiter, start);
		if (next < 0) throw new MultipartError('Missing closing boundary');
		// The line break before the next delimiter belongs to the delimiter.
		let end = next - 1;
		if (end > start && body[end - 1] === 0x0d) end--;
		parts.push(parsePart(body.subarray(start, Math.max(start, end))));
		pos = next;
	}
}

function parsePart(raw: Buffer): MultipartPart {
	let headerBlock = '';
	let data: Buffer;
	if (raw[0] === 0x0d && raw[1] === 0x0a) {
		data = raw.subarray(2); // no headers at all
	} else if (raw[0] === 0x0a) {
		data = raw.subarray(1);
	} else {
		let sep = raw.indexOf('\r\n\r\n');
		let sepLength = 4;
		if (sep < 0) {
			sep = raw.indexOf('\n\n');
			sepLength = 2;
		}
		if (sep < 0) throw new MultipartError('Part without header/body separator');
		headerBlock = raw.subarray(0, sep).toString('utf8');
		data = raw.subarray(sep + sepLength);
	}
	const headers = parseHeaders(headerBlock);
	const part: MultipartPart = { headers, data };
	if (headers['content-disposition'] !== undefined) {
		part.disposition = parseHeaderValue(headers['content-disposition']);
		part.name = part.disposition.params.name;
		part.fileName = part.disposition.params.filename;
	}
	if (headers['content-type'] !== undefined) part.contentType = parseHeaderValue(headers['content-type']).value;
	return part;
}
