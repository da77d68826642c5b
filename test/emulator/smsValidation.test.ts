// POST .../sms with JSON: RingCentral's validation order and codes, the message info answer.
import { useEmulator } from '../../dev/harness/lifecycle';
import { DEFAULT_FROM } from '../../dev/emulator';
import { MMS_PATH, TO, login, sendJson, mmsRequest, smsRequest } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('SMS validation', () => {
	const cases: Array<[string, unknown, number, string, string?]> = [
		['unparsable JSON', '{"from": ', 400, 'CMN-103'],
		['missing from', { to: [{ phoneNumber: TO }], text: 'x' }, 400, 'CMN-101', 'from'],
		['foreign from', { from: { phoneNumber: '+16505559999' }, to: [{ phoneNumber: TO }], text: 'x' }, 400, 'MSG-245', 'from'],
		['missing to', { from: { phoneNumber: DEFAULT_FROM }, text: 'x' }, 400, 'CMN-101', 'to'],
		['empty to', { from: { phoneNumber: DEFAULT_FROM }, to: [], text: 'x' }, 400, 'CMN-101', 'to'],
		['to without +', { from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: '4155550100' }], text: 'x' }, 400, 'CMN-101', 'to'],
		['short number', { from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: '12345' }], text: 'x' }, 400, 'MSG-247', 'to'],
		[
			'11 recipients',
			{ from: { phoneNumber: DEFAULT_FROM }, to: Array.from({ length: 11 }, (_, i) => ({ phoneNumber: `+1415555${String(i).padStart(4, '0')}` })), text: 'x' },
			400,
			'MSG-381',
		],
		['missing text', { from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: TO }] }, 400, 'CMN-101', 'text'],
		['empty text', smsRequest(''), 400, 'CMN-101', 'text'],
		['1001 characters', smsRequest('a'.repeat(1001)), 400, 'MSG-338'],
		['501 emoji (1002 UTF-16 units)', smsRequest('😀'.repeat(501)), 400, 'MSG-338'],
		['caller-ID-only sender', { ...smsRequest(), from: { phoneNumber: '+16505550101' } }, 403, 'MSG-242'],
		['fax-only sender', { ...smsRequest(), from: { phoneNumber: '+16505550102' } }, 403, 'MSG-242'],
	];

	it.each(cases.map(([name, body, status, code, parameterName]) => ({ name, body, status, code, parameterName })))(
		'$name → $status $code',
		async ({ body, status, code, parameterName }) => {
		const reply = await sendJson(emu, token, body);
		expect(reply.status).toBe(status);
		expect(reply.json.errorCode).toBe(code);
		expect(reply.json.errors[0].errorCode).toBe(code);
		if (parameterName) expect(reply.json.errors[0].parameterName).toBe(parameterName);
		expect(emu.messages).toHaveLength(0);
		expect(emu.journal[0]).toMatchObject({ status, errorCode: code, group: 'Medium' });
		},
	);

	it('checks from before to before text (validation order)', async () => {
		const reply = await sendJson(emu, token, { from: { phoneNumber: '+16505559999' }, to: [], text: '' });
		expect(reply.json.errors[0].errorCode).toBe('MSG-245');
	});

	it('accepts 1000 characters and 500 emoji', async () => {
		expect((await sendJson(emu, token, smsRequest('a'.repeat(1000)))).status).toBe(200);
		expect((await sendJson(emu, token, smsRequest('😀'.repeat(500)))).status).toBe(200);
	});

	it('accepts an SMS and returns a GetSMSMessageInfoResponse', async () => {
		const reply = await sendJson(emu, token, smsRequest('Hello there'));
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			type: 'SMS',
			direction: 'Outbound',
			messageStatus: 'Queued',
			readStatus: 'Read',
			priority: 'Normal',
			availability: 'Alive',
			subject: 'Hello there',
			smsSendingAttemptsCount: 1,
			from: { phoneNumber: DEFAULT_FROM },
			to: [{ phoneNumber: TO, messageStatus: 'Queued' }],
			attachments: [{ type: 'Text', contentType: 'text/plain' }],
		});
		expect(typeof reply.json.id).toBe('number');
		expect(reply.json.uri).toContain(`/message-store/${reply.json.id}`);
		expect(reply.json.conversation.id).toBe(String(reply.json.conversationId));
		expect(emu.messages).toEqual([expect.objectContaining({ id: String(reply.json.id), from: DEFAULT_FROM, to: [TO], text: 'Hello there', attachments: [] })]);
		expect(emu.journal[0]).toMatchObject({ messageId: String(reply.json.id), status: 200, body: smsRequest('Hello there') });
		expect(emu.journal[0].headers.authorization).toBe(`Bearer ${token}`);
	});

	it('sends from a toll-free number and treats several recipients as one group message', async () => {
		const to = [{ phoneNumber: TO }, { phoneNumber: '+14155550101' }, { phoneNumber: '+14155550102' }];
		const reply = await sendJson(emu, token, { from: { phoneNumber: '+18885550100' }, to, text: 'group' });
		expect(reply.status).toBe(200);
		expect(reply.json.to).toHaveLength(3);
		expect(emu.messages).toHaveLength(1);
		expect(emu.messages[0].to).toEqual(to.map((t) => t.phoneNumber));
	});

	it('refuses JSON on /mms with CMN-104', async () => {
		const reply = await sendJson(emu, token, mmsRequest(), MMS_PATH);
		expect(reply.status).toBe(400);
		expect(reply.json.errors[0].errorCode).toBe('CMN-104');
	});
});
