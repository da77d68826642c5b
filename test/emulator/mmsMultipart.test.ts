// MMS as multipart: byte-exact attachments, RingCentral's limits and part rules.
import { useEmulator } from '../../dev/harness/lifecycle';
import { SUPPORTED_MMS_CONTENT_TYPES, parseMultipart } from '../../dev/emulator';
import { SMS_PATH, sha256, call, login, jsonPart, filePart, sendMultipart, mmsRequest, type RawPart } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('MMS multipart', () => {
	const allBytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)); // CR, LF, NUL, 0xFF...

	it('stores binary attachments byte for byte (sha256 in the journal)', async () => {
		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), allBytes]);
		const reply = await sendMultipart(emu, token, [jsonPart(mmsRequest()), filePart('photo.png', 'image/png', png), filePart('clip.mp4', 'video/mp4', allBytes)]);
		expect(reply.status).toBe(200);
		expect(reply.json.attachments).toEqual([
			expect.objectContaining({ type: 'Text', contentType: 'text/plain' }),
			expect.objectContaining({ type: 'MmsAttachment', contentType: 'image/png', fileName: 'photo.png', size: png.length }),
			expect.objectContaining({ type: 'MmsAttachment', contentType: 'video/mp4', fileName: 'clip.mp4', size: allBytes.length }),
		]);
		const entry = emu.journal[0];
		expect(entry.body).toEqual(mmsRequest());
		expect(entry.parts?.map((p) => p.name)).toEqual(['json', 'attachment', 'attachment']);
		expect(entry.parts?.[0]).toMatchObject({ fileName: 'request.json', contentType: 'application/json' });
		expect(entry.parts?.[1]).toMatchObject({ fileName: 'photo.png', size: png.length, sha256: sha256(png) });
		expect(entry.parts?.[2].sha256).toBe(sha256(allBytes));
		expect(emu.messages[0].attachments.map((a) => a.sha256)).toEqual([sha256(png), sha256(allBytes)]);
	});

	it('accepts FormData built by fetch (multipart/form-data) on /sms', async () => {
		const form = new FormData();
		form.append('json', new Blob([JSON.stringify(mmsRequest())], { type: 'application/json' }), 'request.json');
		form.append('attachment', new Blob([allBytes], { type: 'image/jpeg' }), 'a b;"c".jpg');
		const reply = await call(emu, SMS_PATH, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
		expect(reply.status).toBe(200);
		expect(emu.journal[0].parts?.[1]).toMatchObject({ contentType: 'image/jpeg', sha256: sha256(allBytes) });
	});

	it('accepts RingCentral’s multipart/mixed example (JSON part without a name)', async () => {
		const reply = await sendMultipart(
			emu,
			token,
			[
				{ headers: { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Transfer-Encoding': '8bit' }, data: JSON.stringify(mmsRequest()) },
				{ headers: { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename="filename.png"' }, data: 'Hello, World!' },
			],
			SMS_PATH,
			'multipart/mixed',
		);
		expect(reply.status).toBe(200);
		expect(reply.json.attachments[1]).toMatchObject({ fileName: 'filename.png', size: 13 });
	});

	it('accepts an MMS without text', async () => {
		const { text: _text, ...noText } = mmsRequest();
		const reply = await sendMultipart(emu, token, [jsonPart(noText), filePart('a.gif', 'image/gif', 'GIF89a')]);
		expect(reply.status).toBe(200);
		expect(reply.json.subject).toBeUndefined();
		expect(reply.json.attachments).toHaveLength(1);
	});

	const failures: Array<[string, () => RawPart[], number, string, string?]> = [
		['first part not JSON', () => [filePart('a.png', 'image/png', 'x'), jsonPart(mmsRequest())], 400, 'CMN-104'],
		['unparsable JSON part', () => [{ ...jsonPart({}), data: '{nope' }, filePart('a.png', 'image/png', 'x')], 400, 'CMN-103'],
		['toll-free sender', () => [jsonPart(mmsRequest('+18885550100')), filePart('a.png', 'image/png', 'x')], 403, 'MSG-367'],
		['no filename', () => [jsonPart(mmsRequest()), filePart(undefined, 'image/png', 'x')], 400, 'MSG-351'],
		['empty file', () => [jsonPart(mmsRequest()), filePart('a.png', 'image/png', '')], 400, 'MSG-347'],
		['unsupported type', () => [jsonPart(mmsRequest()), filePart('a.bin', 'application/octet-stream', 'x')], 415, 'MSG-348'],
		[
			'11 files',
			() => [jsonPart(mmsRequest()), ...Array.from({ length: 11 }, (_, i) => filePart(`f${i}.png`, 'image/png', 'x'))],
			400,
			'CMN-101',
			'attachments',
		],
		['1,500,001 bytes', () => [jsonPart(mmsRequest()), filePart('a.jpg', 'image/jpeg', Buffer.alloc(1_000_000, 1)), filePart('b.jpg', 'image/jpeg', Buffer.alloc(500_001, 2))], 400, 'MSG-337'],
		['no attachments on /mms', () => [jsonPart(mmsRequest())], 400, 'CMN-101', 'attachments'],
	];

	it.each(failures.map(([name, parts, status, code, parameterName]) => ({ name, parts, status, code, parameterName })))(
		'$name → $status $code',
		async ({ parts, status, code, parameterName }) => {
		const reply = await sendMultipart(emu, token, parts());
		expect(reply.status).toBe(status);
		expect(reply.json.errors[0].errorCode).toBe(code);
		if (parameterName) expect(reply.json.errors[0].parameterName).toBe(parameterName);
		expect(emu.messages).toHaveLength(0);
		},
	);

	it('accepts exactly 1,500,000 bytes and 10 files', async () => {
		const big = await sendMultipart(emu, token, [jsonPart(mmsRequest()), filePart('a.jpg', 'image/jpeg', Buffer.alloc(1_000_000, 1)), filePart('b.jpg', 'image/jpeg', Buffer.alloc(500_000, 2))]);
		expect(big.status).toBe(200);
		const ten = await sendMultipart(emu, token, [jsonPart(mmsRequest()), ...Array.from({ length: 10 }, (_, i) => filePart(`f${i}.png`, 'image/png', 'x'))]);
		expect(ten.status).toBe(200);
		expect(emu.messages).toHaveLength(2);
	});

	it('exports the supported content types from the reference', () => {
		expect(SUPPORTED_MMS_CONTENT_TYPES).toHaveLength(31);
		expect(SUPPORTED_MMS_CONTENT_TYPES).toEqual(expect.arrayContaining(['image/jpeg', 'video/quicktime', 'text/vcard', 'application/pdf']));
	});

	it('parses quoted parameters and bare-LF line breaks', () => {
		const body = Buffer.from('preamble\n--b\nContent-Disposition: form-data; name="f"; filename="x;\\"y\\".png"\nContent-Type: IMAGE/PNG; q=1\n\nA\r\nB\n--b--\n');
		const [part] = parseMultipart(body, 'b');
		expect(part).toMatchObject({ name: 'f', fileName: 'x;"y".png', contentType: 'image/png' });
		expect(part.data.toString()).toBe('A\r\nB');
	});
});
