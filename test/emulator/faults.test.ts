// Injected faults: status, drop, delay, malformed JSON, 429, expired token.
import { useEmulator } from '../../dev/harness/lifecycle';
import { SMS_PATH, sleep, login, sendJson, smsRequest } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('faults', () => {
	it('status: responds without processing, or after storing when processed', async () => {
		emu.injectFault({ path: /\/sms$/, count: 1, fault: { kind: 'status', status: 503 } });
		const plain = await sendJson(emu, token, smsRequest());
		expect(plain.status).toBe(503);
		expect(plain.json.errors[0].errorCode).toBe('CMN-201');
		expect(plain.headers.get('x-rate-limit-group')).toBe('Medium');
		expect(emu.messages).toHaveLength(0);

		emu.injectFault({ method: 'POST', path: SMS_PATH, count: 1, fault: { kind: 'status', status: 500, processed: true, body: { custom: true }, headers: { 'X-Test': 'yes' } } });
		const processed = await sendJson(emu, token, smsRequest());
		expect(processed.status).toBe(500);
		expect(processed.json).toEqual({ custom: true });
		expect(processed.headers.get('x-test')).toBe('yes');
		expect(emu.messages).toHaveLength(1);
		expect(emu.journal[1]).toMatchObject({ status: 500, fault: 'status', messageId: emu.messages[0].id });

		expect((await sendJson(emu, token, smsRequest())).status).toBe(200); // count used up
	});

	it('drop: closes the connection, journaled with status null', async () => {
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'drop' } });
		await expect(sendJson(emu, token, smsRequest())).rejects.toThrow();
		expect(emu.journal[0]).toMatchObject({ status: null, fault: 'drop' });
		expect(emu.messages).toHaveLength(0);

		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'drop', processed: true } });
		await expect(sendJson(emu, token, smsRequest())).rejects.toThrow();
		expect(emu.messages).toHaveLength(1);
		expect(emu.journal[1]).toMatchObject({ status: null, messageId: emu.messages[0].id });
	});

	it('delay: answers late; processed by default even when the client gives up', async () => {
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'delay', ms: 150 } });
		const started = Date.now();
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'delay', ms: 300 } });
		await expect(sendJson(emu, token, smsRequest(), SMS_PATH, { signal: AbortSignal.timeout(80) })).rejects.toThrow();
		expect(emu.messages).toHaveLength(2);

		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'delay', ms: 200, processed: false } });
		await expect(sendJson(emu, token, smsRequest(), SMS_PATH, { signal: AbortSignal.timeout(80) })).rejects.toThrow();
		await sleep(250);
		expect(emu.messages).toHaveLength(2);
		expect(emu.journal[2]).toMatchObject({ status: null, fault: 'delay' });
		expect(emu.journal[2].messageId).toBeUndefined();
	});

	it('malformedJson: 200 with a body that does not parse', async () => {
		emu.injectFault({ path: SMS_PATH, count: 2, fault: { kind: 'malformedJson' } });
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(() => JSON.parse(reply.text)).toThrow();
		expect(emu.messages).toHaveLength(1);
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'malformedJson', processed: false } });
		// The first fault still has one count left and comes first.
		await sendJson(emu, token, smsRequest());
		expect(emu.messages).toHaveLength(2);
		const unprocessed = await sendJson(emu, token, smsRequest());
		expect(() => JSON.parse(unprocessed.text)).toThrow();
		expect(emu.messages).toHaveLength(2);
	});

	it('rateLimited: 429 CMN-301, Retry-After only when given, never processed', async () => {
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'rateLimited', retryAfterSeconds: 7 } });
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'rateLimited' } });
		const withHeader = await sendJson(emu, token, smsRequest());
		expect(withHeader.status).toBe(429);
		expect(withHeader.json.errors[0].errorCode).toBe('CMN-301');
		expect(withHeader.headers.get('retry-after')).toBe('7');
		const without = await sendJson(emu, token, smsRequest());
		expect(without.status).toBe(429);
		expect(without.headers.get('retry-after')).toBeNull();
		expect(emu.messages).toHaveLength(0);
	});

	it('expiredToken: 401 OAU-128 once, then the same token works', async () => {
		emu.injectFault({ method: 'post', path: SMS_PATH, count: 1, fault: { kind: 'expiredToken' } });
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.status).toBe(401);
		expect(reply.json.errors[0].errorCode).toBe('OAU-128');
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
	});

	it('matches method and path, and a real 429 does not consume a fault', async () => {
		emu.injectFault({ method: 'GET', path: SMS_PATH, count: 1, fault: { kind: 'status', status: 500 } });
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
		emu.reset();
		emu.setRateLimit('Medium', { limit: 1, windowSeconds: 0.2, penaltySeconds: 0.1 });
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'status', status: 502 } });
		expect((await sendJson(emu, token, smsRequest())).status).toBe(429);
		await sleep(150);
		expect((await sendJson(emu, token, smsRequest())).status).toBe(502);
	});
});
