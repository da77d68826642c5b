// The message store: statuses over time, bulk reads (207 in both forms), the list's filters and paging, downloads.
import { useEmulator } from '../../dev/harness/lifecycle';
import { MULTIPART_JSON, receiveMessage, RingCentralEmulator } from '../../dev/emulator';
import { call, filePart, jsonPart, login, mmsRequest, sendJson, sendMultipart, sha256, sleep, smsRequest } from '../../dev/emulator/client';

const STORE = '/restapi/v1.0/account/~/extension/~/message-store';
// 1 s Queued, 3 s to the carrier's report, at 1/20 speed: 50 ms and 150 ms.
const emu = useEmulator({ messageStore: { timeScale: 0.05 } });
let token: string;
const auth = () => ({ headers: { Authorization: `Bearer ${token}` } });

beforeAll(async () => {
	token = await login(emu);
});

async function sendTo(to: string | string[]): Promise<string> {
	const numbers = Array.isArray(to) ? to : [to];
	const reply = await sendJson(emu, token, { ...smsRequest(), to: numbers.map((phoneNumber) => ({ phoneNumber })) });
	expect(reply.status).toBe(200);
	return String(reply.json.id);
}

describe('statuses over time', () => {
	it('Queued, then Sent, then Delivered with a delivery time', async () => {
		const id = await sendTo('+14155550100');
		expect((await call(emu, `${STORE}/${id}`, auth())).json.messageStatus).toBe('Queued');
		await sleep(75);
		expect((await call(emu, `${STORE}/${id}`, auth())).json.messageStatus).toBe('Sent');
		await sleep(100);
		const info = (await call(emu, `${STORE}/${id}`, auth())).json;
		expect(info).toMatchObject({ messageStatus: 'Delivered', to: [{ phoneNumber: '+14155550100', messageStatus: 'Delivered' }] });
		expect(Date.parse(info.smsDeliveryTime)).toBeGreaterThan(Date.parse(info.creationTime));
		expect(info.deliveryErrorCode).toBeUndefined();
	});

	it('configured recipients fail with a code, or never get past Sent', async () => {
		const ids = [await sendTo('+14155550190'), await sendTo('+14155550191'), await sendTo('+14155550192')];
		await sleep(200);
		const infos = await Promise.all(ids.map(async (id) => (await call(emu, `${STORE}/${id}`, auth())).json));
		expect(infos.map((i) => [i.messageStatus, i.deliveryErrorCode])).toEqual([
			['DeliveryFailed', 'SMS-CAR-411'],
			['SendingFailed', 'SMS-RC-413'],
			['Sent', undefined],
		]);
	});

	it('a group message is Sent at the top and final per recipient', async () => {
		const id = await sendTo(['+14155550100', '+14155550190']);
		await sleep(200);
		const info = (await call(emu, `${STORE}/${id}`, auth())).json;
		expect(info.messageStatus).toBe('Sent');
		expect(info.to.map((to: any) => to.messageStatus)).toEqual(['Delivered', 'DeliveryFailed']);
		expect(info.deliveryErrorCode).toBe('SMS-CAR-411');
	});
});

describe('bulk read by comma-separated IDs', () => {
	it('answers 207 with one JSON part per ID, found or not, when asked for multipart+json', async () => {
		const a = await sendTo('+14155550100');
		const b = await sendTo('+14155550101');
		const reply = await call(emu, `${STORE}/${a},999,${b}`, { headers: { ...auth().headers, Accept: MULTIPART_JSON } });
		expect(reply.status).toBe(207);
		expect(reply.headers.get('content-type')).toBe(MULTIPART_JSON);
		expect(reply.json.map((p: any) => [p.resourceId, p.status])).toEqual([[a, 200], ['999', 404], [b, 200]]);
		expect(reply.json[0].body.id).toBe(Number(a));
		expect(reply.json[1].body.errors[0]).toMatchObject({ errorCode: 'CMN-102', parameterName: 'messageId' });
		expect(reply.headers.get('x-rate-limit-group')).toBe('Light');
	});

	it('answers multipart/mixed with a status part first by default', async () => {
		const a = await sendTo('+14155550100');
		const reply = await call(emu, `${STORE}/${a},999`, { headers: { ...auth().headers, Accept: 'application/json' } });
		expect(reply.status).toBe(207);
		const boundary = /boundary=(\S+)/.exec(reply.headers.get('content-type') ?? '')![1];
		const parts = reply.text.split(`--${boundary}`).slice(1, -1).map((p) => JSON.parse(p.slice(p.indexOf('\r\n\r\n') + 4)));
		expect(parts[0].response.map((r: any) => r.status)).toEqual([200, 404]);
		expect(parts[1].id).toBe(Number(a));
		expect(parts[2].errorCode).toBe('CMN-102');
	});

	it('refuses more IDs than the bulk limit (30)', async () => {
		const ids = Array.from({ length: 31 }, (_, i) => String(1000 + i)).join(',');
		const reply = await call(emu, `${STORE}/${ids}`, auth());
		expect(reply.status).toBe(400);
		expect(reply.json.errorCode).toBe('InvalidMultipartRequest');
	});

	it('one unknown ID alone is a plain 404', async () => {
		const reply = await call(emu, `${STORE}/123`, auth());
		expect(reply.status).toBe(404);
		expect(reply.json.errorCode).toBe('CMN-102');
	});
});

describe('message list', () => {
	it('filters by type, direction, read status, phone number and conversation; pages newest first', async () => {
		const sent = await sendTo('+14155550100');
		const inbound = receiveMessage(emu, { from: '+14155550177', text: 'Hi there' });
		receiveMessage(emu, { from: '+14155550178', type: 'Fax', readStatus: 'Read' });
		const list = async (query: string) => (await call(emu, `${STORE}?${query}`, auth())).json.records.map((r: any) => String(r.id));
		expect(await list('messageType=SMS')).toEqual([inbound.id, sent]);
		expect(await list('messageType=SMS&messageType=Fax')).toHaveLength(3);
		expect(await list('direction=Outbound')).toEqual([sent]);
		expect(await list('readStatus=Unread&messageType=SMS')).toEqual([inbound.id]);
		expect(await list('phoneNumber=%2B14155550177')).toEqual([inbound.id]);
		expect(await list(`conversationId=${inbound.info.conversationId}`)).toEqual([inbound.id]);
		expect((await call(emu, `${STORE}?messageType=Email`, auth())).status).toBe(400);
	});

	it('keeps to the last 24 hours unless dateFrom says otherwise', async () => {
		const old = receiveMessage(emu, { from: '+14155550177', text: 'old', creationTime: new Date(Date.now() - 3 * 24 * 3600 * 1000) });
		const fresh = receiveMessage(emu, { from: '+14155550177', text: 'new' });
		const ids = async (query: string) => (await call(emu, `${STORE}?${query}`, auth())).json.records.map((r: any) => String(r.id));
		expect(await ids('')).toEqual([fresh.id]);
		expect(await ids(`dateFrom=${new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString()}`)).toEqual([fresh.id, old.id]);
		expect(await ids(`dateTo=${new Date(Date.now() - 24 * 3600 * 1000).toISOString()}`)).toEqual([]);
	});

	it('pages with navigation.nextPage and no totals', async () => {
		for (let i = 0; i < 5; i++) receiveMessage(emu, { from: '+14155550177', text: `m${i}`, creationTime: new Date(Date.now() - i * 1000) });
		const first = (await call(emu, `${STORE}?perPage=2`, auth())).json;
		expect(first.records.map((r: any) => r.subject)).toEqual(['m0', 'm1']);
		expect(first.paging).toEqual({ page: 1, perPage: 2, pageStart: 0, pageEnd: 1 });
		expect(first.navigation.nextPage.uri).toContain('page=2');
		const last = (await call(emu, `${STORE}?perPage=2&page=3`, auth())).json;
		expect(last.records.map((r: any) => r.subject)).toEqual(['m4']);
		expect(last.navigation.nextPage).toBeUndefined();
	});
});

describe('content download', () => {
	it('gives the bytes of a sent MMS file and of a received one, with their types', async () => {
		const bytes = Buffer.from('GIF89a-emulator-bytes');
		const sent = await sendMultipart(emu, token, [jsonPart(mmsRequest()), filePart('a.gif', 'image/gif', bytes)]);
		const attachment = sent.json.attachments.find((a: any) => a.type === 'MmsAttachment');
		const reply = await fetch(`${emu.url}${STORE}/${sent.json.id}/content/${attachment.id}`, auth());
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toBe('image/gif');
		expect(reply.headers.get('x-rate-limit-group')).toBe('Medium');
		expect(sha256(Buffer.from(await reply.arrayBuffer()))).toBe(sha256(bytes));

		const inbound = receiveMessage(emu, { from: '+14155550177', files: [{ bytes, contentType: 'image/jpeg' }] });
		const got = await fetch(`${emu.url}${STORE}/${inbound.id}/content/${inbound.info.attachments[0].id}`, auth());
		expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
		expect((await call(emu, `${STORE}/${inbound.id}/content/1`, auth())).status).toBe(404);
	});
});

it('the time scale and outcomes are options', async () => {
	const local = await RingCentralEmulator.start({ messageStore: { queuedSeconds: 0, deliveredSeconds: 0, recipients: { '+14155550100': { status: 'DeliveryFailed', errorCode: 'SMS-CAR-412' } } } });
	try {
		const t = local.issueAccessToken().access_token;
		const sent = await sendJson(local, t, smsRequest());
		const info = (await call(local, `${STORE}/${sent.json.id}`, { headers: { Authorization: `Bearer ${t}` } })).json;
		expect([info.messageStatus, info.deliveryErrorCode]).toEqual(['DeliveryFailed', 'SMS-CAR-412']);
	} finally {
		await local.stop();
	}
});
