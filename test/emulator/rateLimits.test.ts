// Rate limits: headers, fixed windows, the penalty trap, the Auth group per client id.
import { useEmulator } from '../../dev/harness/lifecycle';
import { EMULATOR_DEFAULTS, RingCentralEmulator } from '../../dev/emulator';
import { JWT_GRANT, basic, sleep, call, tokenRequest, login, sendJson, smsRequest } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('rate limits', () => {
	it("sends RingCentral's default headers for unconfigured groups", async () => {
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.headers.get('x-rate-limit-group')).toBe('Medium');
		expect(reply.headers.get('x-rate-limit-limit')).toBe('40');
		expect(reply.headers.get('x-rate-limit-remaining')).toBe('39');
		expect(reply.headers.get('x-rate-limit-window')).toBe('60');
	});

	it('counts a fixed window, then 429s, and every request during the penalty restarts it', async () => {
		const local = await RingCentralEmulator.start({ rateLimits: { Medium: { limit: 2, windowSeconds: 0.5 } } });
		try {
			const t = local.issueAccessToken().access_token;
			const first = await sendJson(local, t, smsRequest());
			expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
			expect(first.headers.get('x-rate-limit-window')).toBe('0.5');
			expect((await sendJson(local, t, smsRequest())).headers.get('x-rate-limit-remaining')).toBe('0');
			const limited = await sendJson(local, t, smsRequest());
			expect(limited.status).toBe(429);
			expect(limited.json).toMatchObject({ errorCode: 'CMN-301', message: 'Request rate exceeded' });
			expect(limited.headers.get('retry-after')).toBe('1');
			// The trap: 0.3 s + 0.3 s is past the first penalty, but each hit restarted it.
			await sleep(300);
			expect((await sendJson(local, t, smsRequest())).status).toBe(429);
			await sleep(300);
			expect((await sendJson(local, t, smsRequest())).status).toBe(429);
			await sleep(600);
			const after = await sendJson(local, t, smsRequest());
			expect(after.status).toBe(200);
			expect(after.headers.get('x-rate-limit-remaining')).toBe('1');
			expect(local.messages).toHaveLength(3); // 429s are never processed
			expect(local.requests({ method: 'POST' }).map((e) => e.status)).toEqual([200, 200, 429, 429, 429, 200]);
		} finally {
			await local.stop();
		}
	});

	it('starts a new window once the previous one ended', async () => {
		emu.setRateLimit('Light', { limit: 1, windowSeconds: 0.3, penaltySeconds: 0.1 });
		const auth = { headers: { Authorization: `Bearer ${token}` } };
		const extPath = '/restapi/v1.0/account/~/extension/~';
		expect((await call(emu, extPath, auth)).status).toBe(200);
		await sleep(350);
		expect((await call(emu, extPath, auth)).status).toBe(200);
		// undefined puts RingCentral's default back, never "unlimited".
		emu.setRateLimit('Light', undefined);
		expect((await call(emu, extPath, auth)).headers.get('x-rate-limit-limit')).toBe('50');
	});

	it('limits the Auth group per client id and reset() restores the configured limits', async () => {
		const local = await RingCentralEmulator.start({ rateLimits: { Auth: { limit: 1, windowSeconds: 30 } } });
		try {
			expect((await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).status).toBe(200);
			const limited = await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('30');
			// Another (wrong) client id has its own counter.
			expect((await tokenRequest(local, { grant_type: JWT_GRANT }, basic('other-app', 'x'))).status).toBe(401);
			local.setRateLimit('Auth', undefined);
			local.reset();
			expect((await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).status).toBe(200);
			expect((await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).status).toBe(429);
		} finally {
			await local.stop();
		}
	});
});
