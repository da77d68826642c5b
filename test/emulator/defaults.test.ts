// Without options the emulator is as strict as RingCentral's documented defaults: per-group limits and their penalty.
import { RINGCENTRAL_RATE_LIMITS, RingCentralEmulator, EMULATOR_DEFAULTS } from '../../dev/emulator';
import { useEmulator } from '../../dev/harness/lifecycle';
import { JWT_GRANT, SMS_PATH, basic, call, login, sendJson, sleep, smsRequest, tokenRequest } from '../../dev/emulator/client';

const EXTENSION_PATH = '/restapi/v1.0/account/~/extension/~';
const jwtLogin = { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt };

describe("RingCentral's default rate limits", () => {
	// A fresh emulator per test: each test spends a whole 60-second window.
	const emu = useEmulator(undefined, 'test');

	it('resolves every group to the documented default, with a 60 s penalty, and 5 sessions per user', () => {
		const expected = {
			Light: { limit: 50, windowSeconds: 60, penaltySeconds: 60 },
			Medium: { limit: 40, windowSeconds: 60, penaltySeconds: 60 },
			Heavy: { limit: 10, windowSeconds: 60, penaltySeconds: 60 },
			Auth: { limit: 5, windowSeconds: 60, penaltySeconds: 60 },
		};
		expect(RINGCENTRAL_RATE_LIMITS).toEqual(expected);
		expect(emu.options.rateLimits).toEqual(expected);
		expect(emu.options.maxSessionsPerUser).toBe(5);
	});

	it('Auth: 5 token requests a minute over every grant, failed ones included; the sixth gets 429 Retry-After 60', async () => {
		const first = await tokenRequest(emu, jwtLogin);
		expect(first.headers.get('x-rate-limit-group')).toBe('Auth');
		expect(first.headers.get('x-rate-limit-limit')).toBe('5');
		expect(first.headers.get('x-rate-limit-window')).toBe('60');
		expect(first.headers.get('x-rate-limit-remaining')).toBe('4');
		expect((await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: first.json.refresh_token })).status).toBe(200);
		expect((await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: 'wrong-jwt' })).status).toBe(400);
		expect((await tokenRequest(emu, { grant_type: 'authorization_code', code: 'no-such-code', redirect_uri: 'http://localhost/cb' })).status).toBe(400);
		const fifth = await tokenRequest(emu, jwtLogin);
		expect(fifth.status).toBe(200);
		expect(fifth.headers.get('x-rate-limit-remaining')).toBe('0');

		const limited = await tokenRequest(emu, jwtLogin);
		expect(limited.status).toBe(429);
		expect(limited.json.errors[0].errorCode).toBe('CMN-301');
		expect(limited.headers.get('retry-after')).toBe('60');
		// The revoke endpoint is in the Auth group too.
		const revoke = await call(emu, '/restapi/oauth/revoke', {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: fifth.json.access_token }).toString(),
		});
		expect(revoke.status).toBe(429);
		expect(emu.tokenRequests().map((entry) => entry.status)).toEqual([200, 200, 400, 400, 200, 429]);
	});

	it('Medium: 40 SMS a minute; the 41st gets 429 Retry-After 60 and is not processed', async () => {
		const token = emu.issueAccessToken().access_token;
		for (let i = 0; i < 40; i++) expect((await sendJson(emu, token, smsRequest(`message ${i}`))).status).toBe(200);
		const limited = await sendJson(emu, token, smsRequest('one too many'));
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('60');
		expect(limited.headers.get('x-rate-limit-limit')).toBe('40');
		expect(emu.messages).toHaveLength(40);
		expect(emu.requests({ method: 'POST', path: SMS_PATH }).filter((entry) => entry.status === 429)).toHaveLength(1);
	});

	it('Light: 50 reads a minute; the 51st gets 429', async () => {
		const auth = { headers: { Authorization: `Bearer ${emu.issueAccessToken().access_token}` } };
		for (let i = 0; i < 50; i++) expect((await call(emu, EXTENSION_PATH, auth)).status).toBe(200);
		const limited = await call(emu, EXTENSION_PATH, auth);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-rate-limit-group')).toBe('Light');
		expect(limited.headers.get('x-rate-limit-limit')).toBe('50');
		expect(limited.headers.get('retry-after')).toBe('60');
	});

	it('Heavy: 10 a minute (on a route added at runtime); the 11th gets 429', async () => {
		emu.addRoute({ method: 'GET', pattern: '/restapi/v1.0/heavy', group: 'Heavy', auth: 'bearer', handler: () => ({ status: 200, body: {} }) });
		const auth = { headers: { Authorization: `Bearer ${emu.issueAccessToken().access_token}` } };
		for (let i = 0; i < 10; i++) expect((await call(emu, '/restapi/v1.0/heavy', auth)).status).toBe(200);
		const limited = await call(emu, '/restapi/v1.0/heavy', auth);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-rate-limit-limit')).toBe('10');
	});
});

describe('Rate-limit options', () => {
	it('a group given in the options leaves the other groups at their defaults', async () => {
		const local = await RingCentralEmulator.start({ rateLimits: { Medium: { limit: 2, windowSeconds: 0.05 } } });
		try {
			expect(local.options.rateLimits.Medium).toEqual({ limit: 2, windowSeconds: 0.05 });
			expect(local.options.rateLimits.Auth).toEqual(RINGCENTRAL_RATE_LIMITS.Auth);
			expect(local.options.rateLimits.Light).toEqual(RINGCENTRAL_RATE_LIMITS.Light);
			const reply = await tokenRequest(local, jwtLogin);
			expect(reply.headers.get('x-rate-limit-limit')).toBe('5');
			expect(reply.headers.get('x-rate-limit-window')).toBe('60');
		} finally {
			await local.stop();
		}
	});

	it('a window scaled down keeps the limit: 5 token requests per 50 ms, the sixth waits for the penalty to pass', async () => {
		const local = await RingCentralEmulator.start({ rateLimits: { Auth: { limit: 5, windowSeconds: 0.05 } } });
		try {
			for (let i = 0; i < 5; i++) await login(local);
			const limited = await tokenRequest(local, jwtLogin);
			expect(limited.status).toBe(429);
			// The penalty defaults to the (scaled) window; Retry-After is whole seconds, at least 1.
			expect(limited.headers.get('retry-after')).toBe('1');
			await sleep(120);
			expect((await tokenRequest(local, jwtLogin)).status).toBe(200);
		} finally {
			await local.stop();
		}
	});
});
