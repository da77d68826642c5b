/** Text rules that cut nothing in half: excerpts by code point, lone surrogates found. */

/** At most `max` characters (code points, so an emoji is never split), with … when cut. */
export function excerpt(text: string, max: number): string {
	const characters = [...text];
	return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

/** The UTF-16 position of the first half of a surrogate pair without its other half, or -1. */
export function loneSurrogateAt(text: string): number {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				i++;
				continue;
			}
			return i;
		}
		if (code >= 0xdc00 && code <= 0xdfff) return i;
	}
	return -1;
}
