// The bearer check of /restapi/v1.0 routes: unknown, expired and short-lived tokens.
import { useEmulator } from '../../dev/harness/lifecycle';
import { EMULATOR_DEFAULTS, RingCentralEmulator } from '../../dev/emulator';
import { JWT_GRANT, SMS_PATH, sleep, call, tokenRequest, sendJson, smsRequest } from '../../dev/emulator/client';

const emu = useEmulator();

describe('bearer check', () => {
	it('answers a missing or unknown token with OAU-129', async () => {
		const missing = await call(emu, SMS_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(smsRequest()) });
		expect(missing.status).toBe(401);
		expect(missing.json.errors[0].errorCode).toBe('OAU-129');
		expect(missing.headers.get('x-rate-limit-group')).toBe('Medium');
		expect((await sendJson(emu, 'made-up-token', smsRequest())).json.errors[0].errorCode).toBe('OAU-129');
	});

	it('expires every issued access token on expireAccessTokens(), refresh still works', async () => {
		const local = await RingCentralEmulator.start();
		try {
			const pair = (await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).json;
			expect((await sendJson(local, pair.access_token, smsRequest())).status).toBe(200);
			local.expireAccessTokens();
			const expired = await sendJson(local, pair.access_token, smsRequest());
			expect(expired.status).toBe(401);
			expect(expired.json).toMatchObject({ errorCode: 'OAU-128', message: 'Access token expired' });
			const refreshed = await tokenRequest(local, { grant_type: 'refresh_token', refresh_token: pair.refresh_token });
			expect((await sendJson(local, refreshed.json.access_token, smsRequest())).status).toBe(200);
		} finally {
			await local.stop();
		}
	});

	it('honours a short access token TTL', async () => {
		const local = await RingCentralEmulator.start({ accessTokenTtlSeconds: 0.2 });
		try {
			const pair = local.issueAccessToken();
			expect(pair.expires_in).toBe(0.2);
			await sleep(250);
			expect((await sendJson(local, pair.access_token, smsRequest())).json.errors[0].errorCode).toBe('OAU-128');
		} finally {
			await local.stop();
		}
	});
});
