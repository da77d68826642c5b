/** RingCentral's supported MMS content types and their file extensions (ringcentral-api.md §2). */
export const MMS_TYPES: Record<string, string[]> = {
	'image/jpeg': ['jpg', 'jpeg'],
	'image/png': ['png'],
	'image/bmp': ['bmp'],
	'image/gif': ['gif'],
	'image/tiff': ['tiff', 'tif'],
	'image/svg+xml': ['svg'],
	'image/webp': ['webp'],
	'video/3gpp': ['3gp'],
	'video/mp4': ['mp4', 'm4v'],
	'video/mpeg': ['mpeg', 'mpg'],
	'video/avi': ['avi'],
	'video/x-flv': ['flv'],
	'video/x-ms-wmv': ['wmv'],
	'video/quicktime': ['mov', 'qt'],
	'video/webm': ['webm'],
	'video/ogg': ['ogv'],
	'audio/mpeg': ['mp3'],
	'audio/mp4': ['m4a'],
	'audio/ogg': ['oga', 'ogg'],
	'audio/wav': ['wav'],
	'audio/amr': ['amr'],
	'audio/3gpp': ['3ga'],
	'text/vcard': ['vcf', 'vcard'],
	'application/zip': ['zip'],
	'application/gzip': ['gz', 'gzip'],
	'application/rtf': ['rtf'],
	'application/pdf': ['pdf'],
	'text/html': ['html', 'htm'],
	'text/plain': ['txt'],
	'text/csv': ['csv'],
	'text/calendar': ['ics'],
};

/** Other names that tools give the same formats. */
const ALIASES: Record<string, string> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'text/x-vcard': 'text/vcard',
	'text/directory': 'text/vcard',
	'audio/mp3': 'audio/mpeg',
	'audio/x-wav': 'audio/wav',
	'audio/wave': 'audio/wav',
	'video/x-msvideo': 'video/avi',
	'video/msvideo': 'video/avi',
	'application/x-gzip': 'application/gzip',
	'application/x-zip-compressed': 'application/zip',
	'text/rtf': 'application/rtf',
};

/** Types that say nothing about the content, so the file extension decides. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/binary', 'application/unknown']);

export const SUPPORTED_MMS_TYPES = Object.keys(MMS_TYPES);

/** The content type to send, from the binary's MIME type or, when that is generic, its file extension. */
export function mmsContentType(mimeType: string | undefined, fileName: string | undefined): string | undefined {
	const base = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	const known = ALIASES[base] ?? base;
	if (MMS_TYPES[known]) return known;
	if (!GENERIC.has(base)) return undefined;
	const extension = fileName?.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
	return Object.keys(MMS_TYPES).find((type) => MMS_TYPES[type].includes(extension));
}

export function extensionFor(contentType: string): string {
	return MMS_TYPES[contentType]?.[0] ?? 'bin';
}
