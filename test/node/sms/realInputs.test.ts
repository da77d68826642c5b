// Inputs people really send: n8n's own MIME aliases, numbers pasted from contact apps, repeats, odd file names, cut emoji.
import { inlineBinary, fileBytes } from '../../../dev/harness/binary';
import { listSearch, runRingCentral } from '../../../dev/harness/engine';
import { credentialStore, mmsParameters, sendRequests, smsParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';

const emulator = useEmulator();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

async function mmsWith(mimeType: string, fileName: string) {
	return await runRingCentral({
		parameters: mmsParameters(),
		credentials: credentialStore(emulator),
		items: [{ json: {}, binary: { data: inlineBinary(fileBytes(600, 3), mimeType, fileName) } }],
	});
}

describe("MIME types that n8n's file-type detection and mime-types lookup give go out as RingCentral's type", () => {
	test.each([
		['audio/x-m4a', 'memo.m4a', 'audio/mp4'],
		['video/x-m4v', 'clip.m4v', 'video/mp4'],
		['video/vnd.avi', 'clip.avi', 'video/avi'],
		['video/x-msvideo', 'clip.avi', 'video/avi'],
		['image/x-ms-bmp', 'scan.bmp', 'image/bmp'],
		['audio/wave', 'note.wav', 'audio/wav'],
		['audio/vnd.wave', 'note.wav', 'audio/wav'],
		['video/MP2P', 'film.mpg', 'video/mpeg'],
		['video/x-ms-asf', 'film.wmv', 'video/x-ms-wmv'],
		['application/ogg', 'clip.ogv', 'video/ogg'],
		['audio/ogg; codecs=opus', 'voice.ogg', 'audio/ogg'],
		['text/x-vcard', 'card.vcf', 'text/vcard'],
		['text/rtf', 'letter.rtf', 'application/rtf'],
	])('%s (%s) is sent as %s', async (mimeType, fileName, sent) => {
		const { error } = await mmsWith(mimeType, fileName);
		expect(error).toBeUndefined();
		expect(sendRequests(emulator)[0].parts?.[1]).toMatchObject({ fileName, contentType: sent });
	});
});

describe('Numbers pasted from contact apps', () => {
	test.each([
		['bidi marks around it', '\u202D+1 (415) 555-0123\u202C'],
		['a zero-width space and a soft hyphen', '+1\u200B415\u00AD555\u20600123'],
		['non-breaking hyphens', '+1 415\u2011555\u20110123'],
		['en and em dashes', '415\u2013555\u20140123'],
		['a minus sign and a figure dash', '(415)\u2212555\u20120123'],
		['full-width digits', '\uFF0B\uFF11 415 555 0123'],
		['a left-to-right mark and narrow spaces', '\u200E+1\u202F415\u202F555\u202F0123'],
	])('To with %s is sent to +14155550123', async (_name, to) => {
		const { error } = await runRingCentral({ parameters: smsParameters({ to }), credentials: credentialStore(emulator) });
		expect(error).toBeUndefined();
		expect(sendRequests(emulator)[0].body).toMatchObject({ to: [{ phoneNumber: '+14155550123' }] });
	});

	test('From with invisible marks and dashes is cleaned the same way', async () => {
		const { error } = await runRingCentral({ parameters: smsParameters({ from: { __rl: true, mode: 'number', value: '\u202A+1 650\u2011555\u20110100\u202C' } }), credentials: credentialStore(emulator) });
		expect(error).toBeUndefined();
		expect(sendRequests(emulator)[0].body).toMatchObject({ from: { phoneNumber: '+16505550100' } });
	});

	test('a number still refused names the hidden character by its code point', async () => {
		const { error } = await runRingCentral({ parameters: smsParameters({ to: '+1 415 555 0123\u0007' }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(/the invisible character U\+0007/);
		expect(emulator.journal).toHaveLength(0);
	});
});

describe('Recipients are counted after repeats are removed', () => {
	const ten = Array.from({ length: 10 }, (_, i) => `+1415555${1000 + i}`);

	test('10 different numbers plus a repeat (also written differently) make one group message to 10', async () => {
		const to = [...ten, '(415) 555-1003'].join(', ');
		const { error } = await runRingCentral({ parameters: smsParameters({ to }), credentials: credentialStore(emulator) });
		expect(error).toBeUndefined();
		expect((sendRequests(emulator)[0].body as { to: unknown[] }).to).toHaveLength(10);
	});

	test('11 different numbers are still refused', async () => {
		const { error } = await runRingCentral({ parameters: smsParameters({ to: [...ten, '+14155552000'].join(',') }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(/11 different recipients/);
		expect(emulator.journal).toHaveLength(0);
	});
});

describe('File names arrive safe and readable', () => {
	test.each([
		['Quote "final" v2.pdf', "Quote 'final' v2.pdf"],
		['C:\\Users\\me\\offer.pdf', 'C__Users_me_offer.pdf'],
		['line\r\nbreak\t.pdf', 'linebreak.pdf'],
		['\u202Egnp.pdf', 'gnp.pdf'],
		['../../etc/passwd.pdf', '_.._etc_passwd.pdf'],
		['"".pdf', "''.pdf"],
	])('%j is sent as %j', async (fileName, sent) => {
		const { error } = await mmsWith('application/pdf', fileName);
		expect(error).toBeUndefined();
		expect(sendRequests(emulator)[0].parts?.[1].fileName).toBe(sent);
	});
});

describe('Text cut in the middle of an emoji', () => {
	test('a lone surrogate is refused before sending, naming its position', async () => {
		const text = 'Your code is ready \uD83D';
		const { error } = await runRingCentral({ parameters: smsParameters({ text }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(/half of an emoji or other symbol at position 20/);
		expect(emulator.journal).toHaveLength(0);
	});

	test('"may or may not have been sent" quotes the text without cutting an emoji in half', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		emulator.injectFault({ method: 'POST', path: /\/sms$/, count: 1, fault: { kind: 'status', status: 500, processed: true } });
		const text = `${'x'.repeat(28)}\uD83D\uDE00\uD83D\uDE00 and more`;
		const { error } = await runRingCentral({ parameters: smsParameters({ text }), credentials });
		expect(error?.message).toMatch(/may or may not have been sent/);
		expect(LONE_SURROGATE.test(error?.message ?? '')).toBe(false);
	});
});

describe('IDs in every path are checked, the From list included', () => {
	test.each(['..', '.', '~/..', '12/../34'])('Options > Account ID %j: the From list is refused, nothing requested', async (accountId) => {
		await expect(listSearch('getSmsSenders', smsParameters({ options: { accountId } }), credentialStore(emulator))).rejects.toThrow(/Invalid Account ID/);
		expect(emulator.journal).toHaveLength(0);
	});

	test('Options > Extension ID ".." on a send is refused before any request', async () => {
		const { error } = await runRingCentral({ parameters: smsParameters({ options: { extensionId: '..' } }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(/^Invalid Extension ID/);
		expect(emulator.journal).toHaveLength(0);
	});
});
