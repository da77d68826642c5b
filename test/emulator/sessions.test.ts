// Sessions: at most 5 per user and app; a further login ends the oldest; a refresh continues its session; refresh tokens are single use.
import { EMULATOR_DEFAULTS, RingCentralEmulator, type TokenResponse } from '../../dev/emulator';
import { useEmulator } from '../../dev/harness/lifecycle';
import { JWT_GRANT, basic, call, sendJson, sleep, smsRequest, tokenRequest, type Target } from '../../dev/emulator/client';

/**
 * Six logins are more than RingCentral's 5 token requests a minute: the Auth window is scaled down
 * to 50 ms (the limit stays 5) and every token request below waits for a window of its own.
 */
const AUTH_SCALED = { Auth: { limit: 5, windowSeconds: 0.05 } };

async function grant(emu: Target, form: Record<string, string>) {
	await sleep(60);
	return await tokenRequest(emu, form);
}

async function jwtLogin(emu: Target): Promise<TokenResponse> {
	const reply = await grant(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
	expect(reply.status).toBe(200);
	return reply.json;
}

async function logins(emu: Target, count: number): Promise<TokenResponse[]> {
	const pairs: TokenResponse[] = [];
	for (let i = 0; i < count; i++) pairs.push(await jwtLogin(emu));
	return pairs;
}

async function refresh(emu: Target, refreshToken: string) {
	return await grant(emu, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

const smsStatus = async (emu: Target, accessToken: string) => (await sendJson(emu, accessToken, smsRequest())).status;

describe('sessions per user and app', () => {
	const emu = useEmulator({ rateLimits: AUTH_SCALED }, 'test');

	it('a sixth JWT login ends the oldest session: its access token answers 401 OAU-129, its refresh token is refused', async () => {
		const pairs = await logins(emu, 6);
		expect(new Set(pairs.map((pair) => pair.session_id)).size).toBe(6);
		expect(emu.sessions().map((session) => session.id)).toEqual(pairs.slice(1).map((pair) => pair.session_id));

		const ended = await sendJson(emu, pairs[0].access_token, smsRequest());
		expect(ended.status).toBe(401);
		expect(ended.json).toMatchObject({ errorCode: 'OAU-129', message: 'Access token corrupted' });
		const refused = await refresh(emu, pairs[0].refresh_token);
		expect(refused.status).toBe(400);
		expect(refused.json).toMatchObject({ error: 'invalid_grant', errors: [{ errorCode: 'OAU-211' }] });

		for (const pair of pairs.slice(1)) expect(await smsStatus(emu, pair.access_token)).toBe(200);
	});

	it('an authorization code grant opens a session too', async () => {
		const pairs = await logins(emu, 5);
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
		const query = new URLSearchParams({ response_type: 'code', client_id: EMULATOR_DEFAULTS.clientId, redirect_uri: redirectUri });
		const code = new URL((await call(emu, `/restapi/oauth/authorize?${query}`)).headers.get('location') as string).searchParams.get('code') as string;
		const exchanged = await grant(emu, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect(exchanged.status).toBe(200);

		expect(await smsStatus(emu, pairs[0].access_token)).toBe(401);
		expect(await smsStatus(emu, pairs[1].access_token)).toBe(200);
		expect(await smsStatus(emu, exchanged.json.access_token)).toBe(200);
		expect(emu.sessions()).toHaveLength(5);
	});

	it('a refresh continues its session and opens none: six refreshes end no other session', async () => {
		const pairs = await logins(emu, 5);
		let current = pairs[4];
		for (let i = 0; i < 6; i++) {
			const next = await refresh(emu, current.refresh_token);
			expect(next.status).toBe(200);
			expect(next.json.session_id).toBe(pairs[4].session_id);
			current = next.json;
		}
		expect(emu.sessions().map((session) => session.id)).toEqual(pairs.map((pair) => pair.session_id));
		for (const pair of pairs.slice(0, 4)) expect(await smsStatus(emu, pair.access_token)).toBe(200);
		expect(await smsStatus(emu, current.access_token)).toBe(200);
		// Each refresh retired the pair before it.
		expect(await smsStatus(emu, pairs[4].access_token)).toBe(401);
	});

	it('refresh tokens are single use: a second use is refused and leaves the session with its new pair', async () => {
		const [first] = await logins(emu, 1);
		const refreshed = await refresh(emu, first.refresh_token);
		expect(refreshed.status).toBe(200);
		const reused = await refresh(emu, first.refresh_token);
		expect(reused.status).toBe(400);
		expect(reused.json).toMatchObject({ error: 'invalid_grant', errors: [{ errorCode: 'OAU-211' }] });
		expect(await smsStatus(emu, first.access_token)).toBe(401);
		expect(await smsStatus(emu, refreshed.json.access_token)).toBe(200);
		expect((await refresh(emu, refreshed.json.refresh_token)).status).toBe(200);
	});

	it('/revoke ends a session and frees its place', async () => {
		const pairs = await logins(emu, 5);
		await sleep(60);
		const revoke = await call(emu, '/restapi/oauth/revoke', {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: pairs[2].refresh_token }).toString(),
		});
		expect(revoke.status).toBe(200);
		expect(emu.sessions()).toHaveLength(4);
		const sixth = await jwtLogin(emu);
		for (const pair of [pairs[0], pairs[1], pairs[3], pairs[4], sixth]) expect(await smsStatus(emu, pair.access_token)).toBe(200);
		expect(await smsStatus(emu, pairs[2].access_token)).toBe(401);
	});

	it('issueAccessToken() opens a session like a login, and reset() keeps sessions', async () => {
		const issued = Array.from({ length: 5 }, () => emu.issueAccessToken());
		emu.reset();
		expect(emu.sessions()).toHaveLength(5);
		await jwtLogin(emu);
		expect(await smsStatus(emu, issued[0].access_token)).toBe(401);
		expect(await smsStatus(emu, issued[1].access_token)).toBe(200);
	});
});

describe('maxSessionsPerUser', () => {
	it('is an option: with 2, the third login ends the first session', async () => {
		const local = await RingCentralEmulator.start({ maxSessionsPerUser: 2, rateLimits: AUTH_SCALED });
		try {
			const pairs = await logins(local, 3);
			expect(local.sessions()).toHaveLength(2);
			expect(await smsStatus(local, pairs[0].access_token)).toBe(401);
			expect(await smsStatus(local, pairs[1].access_token)).toBe(200);
			expect(await smsStatus(local, pairs[2].access_token)).toBe(200);
		} finally {
			await local.stop();
		}
	});

	it('must be at least 1', async () => {
		await expect(RingCentralEmulator.start({ maxSessionsPerUser: 0 })).rejects.toThrow(/maxSessionsPerUser/);
	});
});
