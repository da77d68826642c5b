import type { IBinaryData, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runRingCentral } from '../../../dev/harness/engine';
import { fileBytes, inlineBinary } from '../../../dev/harness/binary';
import { credentialStore, mmsParameters, smsParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';

const emulator = useEmulator();

const png = (size = 100) => inlineBinary(fileBytes(size), 'image/png', 'p.png');
const withFiles = (binary: Record<string, IBinaryData>, json = {}): INodeExecutionData[] => [{ json, binary }];
const elevenNumbers = Array.from({ length: 11 }, (_, i) => `+1415555${String(1000 + i)}`).join(',');

interface BadInput {
	kind: string;
	parameters: INodeParameters;
	items?: INodeExecutionData[];
	/** The message names the field and the value... */
	message: RegExp;
	/** ...and the description says how to fix it. */
	fix: RegExp;
}

const cases: BadInput[] = [
	{ kind: 'To with letters', parameters: smsParameters({ to: 'call me' }), message: /^Invalid To "call me": it has "c" \(U\+0063\), but only digits/, fix: /E\.164 such as \+14155550100/ },
	{ kind: 'To too short', parameters: smsParameters({ to: '555-0100' }), message: /^Invalid To "555-0100": a United States number has 10 digits/, fix: /Options > Country/ },
	{ kind: 'To too long after +', parameters: smsParameters({ to: '+1234567890123456' }), message: /^Invalid To "\+1234567890123456": an international number has 8 to 15 digits/, fix: /E\.164/ },
	{ kind: 'To with area code 0', parameters: smsParameters({ to: '(015) 555-0100' }), message: /^Invalid To "\(015\) 555-0100": a North American area code/, fix: /E\.164/ },
	{ kind: 'To empty', parameters: smsParameters({ to: '={{ "" }}' }), message: /^Invalid To "": no recipient was given/, fix: /at least one phone number/ },
	{ kind: 'To from an empty expression', parameters: smsParameters({ to: '={{ $json.missing }}' }), message: /^Invalid To .*no recipient was given/, fix: /at least one phone number/ },
	{ kind: 'To as an object from an expression', parameters: smsParameters({ to: '={{ $json.contact }}' }), items: [{ json: { contact: { phone: '+14155550100' } } }], message: /^Invalid To "\{"phone":"\+14155550100"\}": a object is not a phone number/, fix: /Map a text field/ },
	{ kind: 'To as a boolean from an expression', parameters: smsParameters({ to: '={{ $json.flag }}' }), items: [{ json: { flag: true } }], message: /^Invalid To "true": a boolean is not a phone number/, fix: /Map a text field/ },
	{ kind: '11 recipients', parameters: smsParameters({ to: elevenNumbers }), message: /^Invalid To ".*": 11 different recipients, but one RingCentral group message takes at most 10/, fix: /one item per recipient/ },
	{ kind: 'From not a number', parameters: smsParameters({ from: { __rl: true, mode: 'number', value: '={{ $json.line }}' } }), items: [{ json: { line: 'sales line' } }], message: /^Invalid From "sales line"/, fix: /From list/ },
	{ kind: 'From empty', parameters: smsParameters({ from: { __rl: true, mode: 'list', value: '={{ "" }}' } }), message: /^Invalid From "": it is empty/, fix: /From list/ },
	{ kind: 'Text empty', parameters: smsParameters({ text: '={{ $json.note }}' }), items: [{ json: { note: '' } }], message: /^Invalid Text "": the message is empty/, fix: /1 to 1000 characters/ },
	{ kind: 'Text only blanks', parameters: smsParameters({ text: '   ' }), message: /^Invalid Text " {3}": the message has only blanks/, fix: /1 to 1000 characters/ },
	{ kind: 'Text of 1001 characters', parameters: smsParameters({ text: 'x'.repeat(1001) }), message: /^Invalid Text "x+…": 1001 characters, over RingCentral's limit of 1000/, fix: /Shorten the text/ },
	{ kind: 'Text of 501 emoji (1002 UTF-16 units)', parameters: smsParameters({ text: '😀'.repeat(501) }), message: /1002 characters, over RingCentral's limit of 1000 \(emoji .* count as 2\)/, fix: /Shorten/ },
	{ kind: 'Text as a list from an expression', parameters: smsParameters({ text: '={{ $json.lines }}' }), items: [{ json: { lines: ['a', 'b'] } }], message: /^Invalid Text .*: a list is not text/, fix: /JSON\.stringify/ },
	{ kind: 'Extension ID not numeric', parameters: smsParameters({ options: { extensionId: 'sales' } }), message: /^Invalid Extension ID "sales": it must be ~ or a numeric RingCentral ID/, fix: /Leave Extension ID as ~/ },
	{ kind: 'Account ID with a slash', parameters: smsParameters({ options: { accountId: '1/../2' } }), message: /^Invalid Account ID "1\/\.\.\/2"/, fix: /numeric ID/ },
	{ kind: 'Unknown country', parameters: smsParameters({ options: { country: 'XX' } }), message: /^Invalid Country "XX"/, fix: /Pick a country from the list/ },
	{ kind: 'MMS: missing binary property', parameters: mmsParameters({ binaryPropertyName: 'photo' }), items: withFiles({ data: png(), invoice: png() }), message: /^Invalid Attachments "photo": the item has no binary property named "photo"/, fix: /The item has: data, invoice\./ },
	{ kind: 'MMS: item without any binary data', parameters: mmsParameters(), items: [{ json: {} }], message: /^Invalid Attachments "data": the item has no binary property named "data"/, fix: /The item has no binary data at all/ },
	{ kind: 'MMS: Send All with no files', parameters: mmsParameters({ sendAllBinaryProperties: true }), items: [{ json: {} }], message: /^Invalid Attachments .*: no file to attach/, fix: /at least one file/ },
	{ kind: 'MMS: 11 files', parameters: mmsParameters({ sendAllBinaryProperties: true }), items: withFiles(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, png()]))), message: /11 files, but RingCentral takes at most 10 per MMS/, fix: /Send fewer files/ },
	{ kind: 'MMS: 1,500,001 bytes', parameters: mmsParameters({ sendAllBinaryProperties: true }), items: withFiles({ a: inlineBinary(fileBytes(1_500_000), 'image/png', 'a.png'), b: inlineBinary(fileBytes(1), 'image/png', 'b.png') }), message: /the files total 1,500,001 bytes, over RingCentral's limit of 1,500,000 bytes per MMS \(a\.png: 1,500,000 bytes; b\.png: 1 bytes\)/, fix: /Compress or resize/ },
	{ kind: 'MMS: empty file', parameters: mmsParameters(), items: withFiles({ data: inlineBinary(Buffer.alloc(0), 'image/png', 'blank.png') }), message: /the file "data" \(blank\.png\) is empty/, fix: /refuses empty attachments/ },
	{ kind: 'MMS: unsupported type', parameters: mmsParameters(), items: withFiles({ data: inlineBinary(fileBytes(10), 'application/x-msdownload', 'setup.exe') }), message: /has the type "application\/x-msdownload", which RingCentral does not send by MMS/, fix: /image\/jpeg, image\/png.*text\/calendar/ },
	{ kind: 'MMS: generic type with an unknown extension', parameters: mmsParameters(), items: withFiles({ data: inlineBinary(fileBytes(10), 'application/octet-stream', 'data.bin') }), message: /has the type "application\/octet-stream"/, fix: /Convert it to one of/ },
	{ kind: 'MMS: 11 recipients', parameters: mmsParameters({ to: elevenNumbers }), items: withFiles({ data: png() }), message: /11 different recipients, but one RingCentral group message takes at most 10/, fix: /split the group/ },
	{ kind: 'MMS: text of 1001 characters', parameters: mmsParameters({ text: 'y'.repeat(1001) }), items: withFiles({ data: png() }), message: /^Invalid Text .*1001 characters/, fix: /Shorten/ },
];

describe('Bad input is refused with a clear error and nothing is sent', () => {
	test.each(cases)('$kind', async ({ parameters, items, message, fix }) => {
		const { error, run } = await runRingCentral({ parameters, credentials: credentialStore(emulator), items });
		expect(run.status).toBe('error');
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(fix);
		expect(error?.context?.itemIndex).toBe(0);
		expect(emulator.journal).toHaveLength(0);
	});

	test("a long value is quoted by its first 40 characters, so the error fits n8n's output pane", async () => {
		const { error } = await runRingCentral({ parameters: smsParameters({ text: 'x'.repeat(1200) }), credentials: credentialStore(emulator) });
		expect(error?.message).toBe(`Invalid Text "${'x'.repeat(39)}…": 1200 characters, over RingCentral's limit of 1000 (emoji and other symbols outside the basic range count as 2)`);
	});

	test(`the matrix covers ${cases.length} kinds of bad input`, () => {
		expect(cases.length).toBeGreaterThanOrEqual(20);
	});
});
