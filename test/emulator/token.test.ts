// The token endpoint: JWT, refresh and authorization-code grants, client auth, revoke.
import { useEmulator } from '../../dev/harness/lifecycle';
import { EMULATOR_DEFAULTS } from '../../dev/emulator';
import { JWT_GRANT, basic, call, tokenRequest, login, sendJson, smsRequest } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('token endpoint', () => {
	it('issues a token pair for the JWT grant', async () => {
		const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			token_type: 'bearer',
			expires_in: 3600,
			refresh_token_expires_in: 604800,
			scope: 'SMS ReadAccounts',
			owner_id: '101',
		});
		expect(reply.json.access_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
		expect(reply.json.access_token).not.toBe(token);
		expect(reply.headers.get('x-rate-limit-group')).toBe('Auth');
		expect(emu.tokenRequests(JWT_GRANT)).toHaveLength(1);
		expect(emu.tokenRequests('refresh_token')).toHaveLength(0);
		expect(emu.tokenRequests()[0].body).toMatchObject({ grant_type: JWT_GRANT });
	});

	it('rejects a wrong client secret with invalid_client OAU-153, never echoing the secret', async () => {
		const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt }, basic(undefined, 'wrong-secret'));
		expect(reply.status).toBe(401);
		expect(reply.json).toMatchObject({ error: 'invalid_client', errors: [{ errorCode: 'OAU-153', message: `Invalid client: ${EMULATOR_DEFAULTS.clientId}` }] });
		expect(reply.json.error_description).toContain('Invalid client');
		expect(reply.text).not.toContain('wrong-secret');
	});

	it('rejects an unknown JWT with invalid_grant OAU-213, never echoing the assertion', async () => {
		const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: 'stolen-jwt-value' });
		expect(reply.status).toBe(400);
		expect(reply.json).toMatchObject({ error: 'invalid_grant', errorCode: 'OAU-213', errors: [{ errorCode: 'OAU-213' }] });
		expect(reply.text).not.toContain('stolen-jwt-value');
	});

	it('refuses client credentials in the body (OAU-123)', async () => {
		const reply = await tokenRequest(
			emu,
			{ grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt, client_id: EMULATOR_DEFAULTS.clientId, client_secret: EMULATOR_DEFAULTS.clientSecret },
			null,
		);
		expect(reply.status).toBe(401);
		expect(reply.json).toMatchObject({ error: 'invalid_client', errors: [{ errorCode: 'OAU-123' }] });
	});

	it('rejects unknown grants and non-form bodies', async () => {
		const unknown = await tokenRequest(emu, { grant_type: 'password', username: 'x', password: 'y' });
		expect(unknown.status).toBe(400);
		expect(unknown.json.error).toBe('unsupported_grant_type');
		const json = await call(emu, '/restapi/oauth/token', {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/json' },
			body: JSON.stringify({ grant_type: JWT_GRANT }),
		});
		expect(json.status).toBe(415);
	});

	it('makes refresh tokens single use and retires the old access token', async () => {
		const first = (await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).json;
		const refreshed = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
		expect(refreshed.status).toBe(200);
		expect(refreshed.json.access_token).not.toBe(first.access_token);
		expect(refreshed.json.refresh_token).not.toBe(first.refresh_token);

		const reused = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
		expect(reused.status).toBe(400);
		expect(reused.json).toMatchObject({ error: 'invalid_grant', errors: [{ errorCode: 'OAU-211' }] });

		const oldAccess = await sendJson(emu, first.access_token, smsRequest());
		expect(oldAccess.status).toBe(401);
		expect(oldAccess.json.errors[0].errorCode).toBe('OAU-129');
		expect((await sendJson(emu, refreshed.json.access_token, smsRequest())).status).toBe(200);
	});

	it('runs the authorization code flow through the 302 redirect', async () => {
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
		const query = new URLSearchParams({ response_type: 'code', client_id: EMULATOR_DEFAULTS.clientId, redirect_uri: redirectUri, state: 'xyz 1' });
		const authorize = await call(emu, `/restapi/oauth/authorize?${query}`);
		expect(authorize.status).toBe(302);
		const location = new URL(authorize.headers.get('location') as string);
		expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
		expect(location.searchParams.get('state')).toBe('xyz 1');
		const code = location.searchParams.get('code') as string;
		expect(code).toBeTruthy();

		const wrongRedirect = await tokenRequest(emu, { grant_type: 'authorization_code', code, redirect_uri: 'http://evil.example/cb' });
		expect(wrongRedirect.status).toBe(400);
		expect(wrongRedirect.json.errors[0].errorCode).toBe('OAU-109');

		const exchanged = await tokenRequest(emu, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect(exchanged.status).toBe(200);
		expect((await sendJson(emu, exchanged.json.access_token, smsRequest())).status).toBe(200);

		const reused = await tokenRequest(emu, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect(reused.status).toBe(400);
		expect(reused.json).toMatchObject({ error: 'invalid_grant', errors: [{ errorCode: 'OAU-109' }] });
	});

	it('rejects /authorize for an unknown client with a JSON error', async () => {
		const query = new URLSearchParams({ response_type: 'code', client_id: 'nobody', redirect_uri: 'http://localhost/cb' });
		const reply = await call(emu, `/restapi/oauth/authorize?${query}`);
		expect(reply.status).toBe(400);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(reply.json.errors[0].errorCode).toBe('OAU-153');
	});

	it('revokes tokens', async () => {
		const pair = emu.issueAccessToken();
		expect(pair.expires_in).toBe(3600);
		expect((await sendJson(emu, pair.access_token, smsRequest())).status).toBe(200);
		const revoke = await call(emu, '/restapi/oauth/revoke', {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: pair.access_token }).toString(),
		});
		expect(revoke.status).toBe(200);
		expect((await sendJson(emu, pair.access_token, smsRequest())).json.errors[0].errorCode).toBe('OAU-129');
		const refresh = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: pair.refresh_token });
		expect(refresh.json.errors[0].errorCode).toBe('OAU-211');
	});
});
