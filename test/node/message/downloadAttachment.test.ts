import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { receiveMessage } from '../../../dev/emulator';
import { fileBytes, inlineBinary, sha256 } from '../../../dev/harness/binary';
import { runRingCentral, useStoredBinaryData } from '../../../dev/harness/engine';
import { useEmulator } from '../../../dev/harness/lifecycle';
import { credentialStore, messageParameters, mmsParameters, storeRequests } from '../../../dev/harness/setup';

const emulator = useEmulator();

const png = fileBytes(40_000, 7);
const pdf = fileBytes(300_001, 8);

/** Sends an MMS with two files through the node and returns its message info. */
async function sendMms(): Promise<IDataObject> {
	const { output, error } = await runRingCentral({
		parameters: mmsParameters({ binaryPropertyName: 'photo, doc' }),
		credentials: credentialStore(emulator),
		items: [{ json: {}, binary: { photo: inlineBinary(png, 'image/png', 'photo.png'), doc: inlineBinary(pdf, 'application/pdf', 'offer.pdf') } }],
	});
	expect(error).toBeUndefined();
	emulator.journal.length = 0;
	return output[0].json;
}

async function download(overrides = {}, continueOnFail = false) {
	return await runRingCentral({ parameters: messageParameters('downloadAttachment', overrides), credentials: credentialStore(emulator), continueOnFail });
}

const inlineBytes = (data: IBinaryData) => Buffer.from(data.data, 'base64');

describe('Message > Download Attachment', () => {
	test("all attachments: every file of a sent MMS, byte for byte, with its name and type; not the text", async () => {
		const sent = await sendMms();
		const { output, error } = await download({ messageId: String(sent.id) });
		expect(error).toBeUndefined();
		const binary = output[0].binary!;
		expect(Object.keys(binary)).toEqual(['attachment_0', 'attachment_1']);
		expect(binary.attachment_0).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
		expect(binary.attachment_1).toMatchObject({ fileName: 'offer.pdf', mimeType: 'application/pdf' });
		expect([sha256(inlineBytes(binary.attachment_0)), sha256(inlineBytes(binary.attachment_1))]).toEqual([sha256(png), sha256(pdf)]);
		expect(output[0].json).toMatchObject({ id: sent.id, subject: 'A picture' });
		// One Light read of the message, then one Medium download per file.
		expect(storeRequests(emulator).map((read) => read.group)).toEqual(['Light', 'Medium', 'Medium']);
	});

	test('one attachment by ID into a named field; a custom prefix for all', async () => {
		const sent = await sendMms();
		const pdfAttachment = (sent.attachments as IDataObject[]).find((a) => a.fileName === 'offer.pdf')!;
		const one = await download({ messageId: String(sent.id), allAttachments: false, attachmentId: String(pdfAttachment.id), binaryPropertyName: 'contract' });
		expect(Object.keys(one.output[0].binary!)).toEqual(['contract']);
		expect(inlineBytes(one.output[0].binary!.contract).equals(pdf)).toBe(true);
		expect(storeRequests(emulator).at(-1)!.path).toBe(`/restapi/v1.0/account/~/extension/~/message-store/${String(sent.id)}/content/${String(pdfAttachment.id)}`);
		const all = await download({ messageId: String(sent.id), binaryPropertyPrefix: 'file' });
		expect(Object.keys(all.output[0].binary!)).toEqual(['file0', 'file1']);
	});

	test('with the OAuth2 credential too', async () => {
		const inbound = receiveMessage(emulator, { from: '+14155550177', files: [{ bytes: pdf, contentType: 'application/pdf', fileName: 'a.pdf' }] });
		const { output, error } = await download({ authentication: 'oAuth2', messageId: inbound.id });
		expect(error).toBeUndefined();
		expect(inlineBytes(output[0].binary!.attachment_0).equals(pdf)).toBe(true);
	});

	test('a received MMS file without a name is named after the message, the attachment and its type', async () => {
		const inbound = receiveMessage(emulator, { from: '+14155550177', files: [{ bytes: png, contentType: 'image/jpeg' }] });
		const { output } = await download({ messageId: inbound.id });
		const attachmentId = inbound.info.attachments[0].id;
		expect(output[0].binary!.attachment_0).toMatchObject({ fileName: `attachment-${inbound.id}-${attachmentId}.jpg`, mimeType: 'image/jpeg' });
	});

	test('a text message without files gives its info and no binary data', async () => {
		const inbound = receiveMessage(emulator, { from: '+14155550177', text: 'no files' });
		const { output } = await download({ messageId: inbound.id });
		expect(output[0].json.subject).toBe('no files');
		expect(output[0].binary).toBeUndefined();
	});

	test('an unknown attachment ID names the attachments there are; nothing is downloaded', async () => {
		const sent = await sendMms();
		const { error } = await download({ messageId: String(sent.id), allAttachments: false, attachmentId: '42' });
		expect(error?.message).toBe(`Message ${String(sent.id)} has no attachment 42`);
		expect(error?.description).toMatch(/Its attachments are: \d+ \(Text, text\/plain\); \d+ \(MmsAttachment, photo\.png, image\/png\); \d+ \(MmsAttachment, offer\.pdf, application\/pdf\)\./);
		expect(storeRequests(emulator).map((read) => read.group)).toEqual(['Light']);
	});

	test('with Continue On Fail an unknown message fails its item and the next is downloaded', async () => {
		const inbound = receiveMessage(emulator, { from: '+14155550177', files: [{ bytes: png, contentType: 'image/png', fileName: 'x.png' }] });
		const { output } = await runRingCentral({
			parameters: messageParameters('downloadAttachment', { messageId: '={{ $json.id }}' }),
			credentials: credentialStore(emulator),
			continueOnFail: true,
			items: [{ json: { id: '777' } }, { json: { id: inbound.id } }],
		});
		expect(output[0].json.error).toMatch(/^Message 777 was not found/);
		expect(inlineBytes(output[1].binary!.attachment_0).equals(png)).toBe(true);
	});
});

describe("Download Attachment into n8n's filesystem binary store", () => {
	test('files are streamed to the store and read back byte for byte', async () => {
		const service = await useStoredBinaryData();
		const big = fileBytes(1_400_000, 9);
		const inbound = receiveMessage(emulator, { from: '+14155550177', files: [{ bytes: big, contentType: 'video/mp4', fileName: 'clip.mp4' }, { bytes: png, contentType: 'image/png', fileName: 'p.png' }] });
		const { output, error } = await download({ messageId: inbound.id });
		expect(error).toBeUndefined();
		const { attachment_0: clip, attachment_1: picture } = output[0].binary!;
		expect(clip.id).toMatch(/^filesystem-v2:/);
		expect(clip).toMatchObject({ fileName: 'clip.mp4', mimeType: 'video/mp4', bytes: big.length });
		expect(sha256(await service.getAsBuffer(clip))).toBe(sha256(big));
		expect(sha256(await service.getAsBuffer(picture))).toBe(sha256(png));
	});
});
