/**
 * RingCentral's supported MMS content types and their file extensions, from the table "RingCentral
 * platform supported MMS content types" in https://developers.ringcentral.com/guide/messaging/sms/sending-images
 */
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

/**
 * Other names for the same formats, as tools give them: n8n's file-type detection (audio/x-m4a,
 * video/vnd.avi, video/x-ms-asf, video/MP2P…), its mime-types/mime-db lookup by extension
 * (text/x-vcard, audio/wave, image/x-ms-bmp, video/x-m4v…) and common legacy spellings.
 * Keys are lowercase.
 */
const ALIASES: Record<string, string> = {
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'image/x-ms-bmp': 'image/bmp',
	'image/x-bmp': 'image/bmp',
	'image/svg': 'image/svg+xml',
	'image/x-tiff': 'image/tiff',
	'text/x-vcard': 'text/vcard',
	'text/directory': 'text/vcard',
	'audio/mp3': 'audio/mpeg',
	'audio/x-mp3': 'audio/mpeg',
	'audio/mpeg3': 'audio/mpeg',
	'audio/x-mpeg': 'audio/mpeg',
	'audio/x-mpeg-3': 'audio/mpeg',
	'audio/x-m4a': 'audio/mp4',
	'audio/m4a': 'audio/mp4',
	'audio/x-wav': 'audio/wav',
	'audio/wave': 'audio/wav',
	'audio/vnd.wave': 'audio/wav',
	'audio/x-pn-wav': 'audio/wav',
	'audio/amr-nb': 'audio/amr',
	'video/x-m4v': 'video/mp4',
	'video/x-msvideo': 'video/avi',
	'video/msvideo': 'video/avi',
	'video/vnd.avi': 'video/avi',
	'video/mp1s': 'video/mpeg',
	'video/mp2p': 'video/mpeg',
	'video/x-ms-asf': 'video/x-ms-wmv',
	'application/vnd.ms-asf': 'video/x-ms-wmv',
	'video/x-quicktime': 'video/quicktime',
	'application/x-gzip': 'application/gzip',
	'application/x-zip-compressed': 'application/zip',
	'application/x-zip': 'application/zip',
	'text/rtf': 'application/rtf',
	'application/x-rtf': 'application/rtf',
};

/** Types that say nothing about the content, so the file extension decides. */
const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/binary', 'application/unknown']);

/** Containers whose content the extension tells (an Ogg file holds audio or video); without one, the usual kind. */
const CONTAINERS: Record<string, string> = { 'application/ogg': 'audio/ogg' };

export const SUPPORTED_MMS_TYPES = Object.keys(MMS_TYPES);

/** The content type to send, from the binary's MIME type or, when that is generic, its file extension. */
export function mmsContentType(mimeType: string | undefined, fileName: string | undefined): string | undefined {
	const base = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	const known = ALIASES[base] ?? base;
	if (MMS_TYPES[known]) return known;
	if (!GENERIC.has(base) && !CONTAINERS[base]) return undefined;
	const extension = fileName?.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
	return Object.keys(MMS_TYPES).find((type) => MMS_TYPES[type].includes(extension)) ?? CONTAINERS[base];
}

export function extensionFor(contentType: string): string {
	return MMS_TYPES[contentType]?.[0] ?? 'bin';
}
