import { runRingCentral, useStoredBinaryData } from '../../../dev/harness/engine';
import { fileBytes, inlineBinary, sha256, storedBinary } from '../../../dev/harness/binary';
import { credentialStore, mmsParameters, RECIPIENT, SENDER, sendRequests } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';
import type { IBinaryData } from 'n8n-workflow';

const emulator = useEmulator();

const png = fileBytes(2048, 1);
const pdf = fileBytes(5000, 2);

async function sendMms(binary: Record<string, IBinaryData>, parameters = {}) {
	return await runRingCentral({ parameters: mmsParameters(parameters), credentials: credentialStore(emulator), items: [{ json: {}, binary }] });
}

describe('Send MMS with binary data held in the item (inline)', () => {
	test('the multipart body has the JSON request part first, then each file byte for byte', async () => {
		const { output, error } = await sendMms(
			{ data: inlineBinary(png, 'image/png', 'photo.png'), doc: inlineBinary(pdf, 'application/pdf', 'offer.pdf') },
			{ binaryPropertyName: 'data, doc' },
		);
		expect(error).toBeUndefined();
		const [request] = sendRequests(emulator);
		expect(request.path).toBe('/restapi/v1.0/account/~/extension/~/mms');
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.body).toEqual({ from: { phoneNumber: SENDER }, to: [{ phoneNumber: RECIPIENT }], text: 'A picture' });
		expect(request.parts?.map(({ name, fileName, contentType }) => ({ name, fileName, contentType }))).toEqual([
			{ name: 'json', fileName: 'request.json', contentType: 'application/json' },
			{ name: 'attachment', fileName: 'photo.png', contentType: 'image/png' },
			{ name: 'attachment', fileName: 'offer.pdf', contentType: 'application/pdf' },
		]);
		expect(request.parts?.slice(1).map((part) => part.sha256)).toEqual([sha256(png), sha256(pdf)]);
		expect(output[0].json.attachments).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ type: 'MmsAttachment', fileName: 'photo.png', contentType: 'image/png', size: png.length }),
				expect.objectContaining({ type: 'MmsAttachment', fileName: 'offer.pdf', contentType: 'application/pdf', size: pdf.length }),
			]),
		);
	});

	test('without text, only from and to are sent', async () => {
		await sendMms({ data: inlineBinary(png, 'image/png', 'photo.png') }, { text: '' });
		expect(sendRequests(emulator)[0].body).toEqual({ from: { phoneNumber: SENDER }, to: [{ phoneNumber: RECIPIENT }] });
	});

	test('Send All Binary Files attaches every binary property of the item', async () => {
		await sendMms({ a: inlineBinary(png, 'image/png', 'a.png'), b: inlineBinary(pdf, 'application/pdf', 'b.pdf') }, { sendAllBinaryProperties: true });
		expect(sendRequests(emulator)[0].parts?.slice(1).map((part) => part.fileName)).toEqual(['a.png', 'b.pdf']);
	});

	test('a generic MIME type falls back on the file extension; a missing file name comes from the type', async () => {
		await sendMms({ card: inlineBinary(fileBytes(300), 'application/octet-stream', 'ann.vcf'), pic: inlineBinary(png, 'image/jpg') }, { binaryPropertyName: 'card,pic' });
		expect(sendRequests(emulator)[0].parts?.slice(1).map(({ fileName, contentType }) => ({ fileName, contentType }))).toEqual([
			{ fileName: 'ann.vcf', contentType: 'text/vcard' },
			{ fileName: 'attachment-2.jpg', contentType: 'image/jpeg' },
		]);
	});

	test('several recipients make one group MMS', async () => {
		await sendMms({ data: inlineBinary(png, 'image/png', 'photo.png') }, { to: '+14155550101, +14155550102, +14155550103' });
		expect(emulator.messages).toHaveLength(1);
		expect(emulator.messages[0].to).toEqual(['+14155550101', '+14155550102', '+14155550103']);
	});

	test('10 files pass', async () => {
		const binary = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, inlineBinary(fileBytes(1000, i), 'image/gif', `f${i}.gif`)]));
		const { error } = await sendMms(binary, { sendAllBinaryProperties: true });
		expect(error).toBeUndefined();
		expect(sendRequests(emulator)[0].parts?.slice(1).map((part) => part.sha256)).toEqual(Object.values(binary).map((b) => sha256(Buffer.from(b.data, 'base64'))));
	});

	test('exactly 1,500,000 bytes in total pass', async () => {
		const { error } = await sendMms({ a: inlineBinary(fileBytes(1_000_000), 'image/jpeg', 'a.jpg'), b: inlineBinary(fileBytes(500_000), 'image/jpeg', 'b.jpg') }, { sendAllBinaryProperties: true });
		expect(error).toBeUndefined();
		expect(emulator.messages[0].attachments.reduce((sum, part) => sum + part.size, 0)).toBe(1_500_000);
	});

	test('an expired token is refreshed and the multipart body is replayed intact, once', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: mmsParameters(), credentials, items: [{ json: {}, binary: { data: inlineBinary(png, 'image/png', 'p.png') } }] });
		emulator.expireAccessTokens();
		const { error } = await runRingCentral({ parameters: mmsParameters(), credentials, items: [{ json: {}, binary: { data: inlineBinary(pdf, 'application/pdf', 'd.pdf') } }] });
		expect(error).toBeUndefined();
		expect(sendRequests(emulator).map((request) => request.status)).toEqual([200, 401, 200]);
		expect(emulator.messages.map((message) => message.attachments[0].sha256)).toEqual([sha256(png), sha256(pdf)]);
	});
});

describe('Send MMS with binary data in n8n\'s filesystem store (real n8n 2.x default)', () => {
	test('files stored by id arrive byte for byte, across several items', async () => {
		const service = await useStoredBinaryData();
		const files = [fileBytes(700_000, 3), fileBytes(123_457, 4), fileBytes(1, 5)];
		const items = await Promise.all(files.map(async (bytes, i) => ({ json: {}, binary: { data: await storedBinary(service, bytes, 'video/mp4', `clip${i}.mp4`) } })));
		expect(items[0].binary.data.id).toMatch(/^filesystem-v2:/);
		const { output, error } = await runRingCentral({ parameters: mmsParameters(), credentials: credentialStore(emulator), items });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(emulator.messages.map((message) => message.attachments[0].sha256)).toEqual(files.map(sha256));
	});

	test('stored files are checked against the 1,500,000-byte limit from their metadata, before sending', async () => {
		const service = await useStoredBinaryData();
		const { error } = await runRingCentral({
			parameters: mmsParameters({ sendAllBinaryProperties: true }),
			credentials: credentialStore(emulator),
			items: [{ json: {}, binary: { a: await storedBinary(service, fileBytes(1_000_000), 'image/png', 'a.png'), b: await storedBinary(service, fileBytes(500_001), 'image/png', 'b.png') } }],
		});
		expect(error?.message).toMatch(/the files total 1,500,001 bytes, over RingCentral's limit of 1,500,000 bytes per MMS \(a\.png: 1,000,000 bytes; b\.png: 500,001 bytes\)/);
		expect(emulator.journal).toHaveLength(0);
	});
});

describe('Send MMS with Continue On Fail', () => {
	test("RingCentral's refusal of a toll-free sender lands on its item and the next item is sent", async () => {
		const { output } = await runRingCentral({
			parameters: mmsParameters({ from: { __rl: true, mode: 'number', value: '={{ $json.from }}' } }),
			credentials: credentialStore(emulator),
			continueOnFail: true,
			items: [
				{ json: { from: '+18885550100' }, binary: { data: inlineBinary(png, 'image/png', 'a.png') } },
				{ json: { from: SENDER }, binary: { data: inlineBinary(png, 'image/png', 'b.png') } },
			],
		});
		expect(output[0].json.error).toMatch(/^RingCentral error MSG-367/);
		expect(output[0].error?.description).toMatch(/toll-free numbers cannot send MMS/);
		expect(output[1].json).toMatchObject({ messageStatus: 'Queued' });
		expect(emulator.messages).toHaveLength(1);
	});
});
