/** File names that travel safely in a multipart header and read well where RingCentral shows them. */

const MAX_NAME_CHARACTERS = 100;

/**
 * A file name RingCentral stores as written. Node's FormData escapes " in a part header as %22
 * (RingCentral then shows `Quote %22final%22.pdf`), and backslashes, control and path characters
 * do not belong in a header: " becomes ', control characters are dropped, \ / : * ? < > | become _,
 * blanks are collapsed, and at most 100 characters are kept, extension included.
 * `fallback` names a file whose name is empty once cleaned.
 */
export function safeFileName(name: string, fallback: string): string {
	const cleaned = name
		.normalize('NFC')
		// Control and format characters (bidi marks and the like) are invisible and break headers.
		.replace(/[\p{Cc}\p{Cf}]/gu, '')
		.replace(/"/g, "'")
		.replace(/[\\/:*?<>|]/g, '_')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '');
	if (cleaned === '' || /^[_ .']*$/.test(cleaned)) return fallback;
	const characters = [...cleaned];
	if (characters.length <= MAX_NAME_CHARACTERS) return cleaned;
	const dot = cleaned.lastIndexOf('.');
	const extension = dot > 0 && cleaned.length - dot <= 10 ? [...cleaned.slice(dot)] : [];
	return [...characters.slice(0, MAX_NAME_CHARACTERS - extension.length), ...extension].join('');
}
