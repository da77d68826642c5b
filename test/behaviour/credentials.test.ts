import { runRingCentral, testCredential } from '../../dev/harness/engine';
import { credentialStore, sendRequests, smsParameters } from '../../dev/harness/setup';
import { useEmulator } from '../../dev/harness/lifecycle';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const emulator = useEmulator(undefined, 'test');

describe('JWT credential: one token, reused across executions', () => {
	test('two executions cost one token request, with Basic client auth and the JWT grant', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		await runRingCentral({ parameters: smsParameters(), credentials });
		const tokenRequests = emulator.tokenRequests();
		expect(tokenRequests).toHaveLength(1);
		expect(tokenRequests[0].body).toMatchObject({ grant_type: JWT_GRANT, assertion: 'emulator-jwt-credential' });
		expect(tokenRequests[0].headers.authorization).toBe(`Basic ${Buffer.from('emulator-client-id:emulator-client-secret').toString('base64')}`);
		expect(sendRequests(emulator)).toHaveLength(2);
		expect(credentials.stored.ringCentralJwtApi.accessToken).toEqual(expect.any(String));
	});

	test('an expired token is refreshed once after the 401 and the SMS is sent once', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		emulator.expireAccessTokens();
		const { output, error } = await runRingCentral({ parameters: smsParameters(), credentials, items: [{ json: {} }, { json: {} }] });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		expect(emulator.tokenRequests().map((request) => (request.body as { grant_type: string }).grant_type)).toEqual([JWT_GRANT, 'refresh_token']);
		expect(sendRequests(emulator).map((request) => request.status)).toEqual([200, 401, 200, 200]);
		expect(emulator.messages).toHaveLength(3);
	});

	test('when the refresh token is also gone, the JWT logs in again', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		credentials.stored.ringCentralJwtApi.refreshToken = 'revoked-refresh-token';
		emulator.expireAccessTokens();
		const { error } = await runRingCentral({ parameters: smsParameters(), credentials });
		expect(error).toBeUndefined();
		expect(emulator.tokenRequests().map((request) => (request.body as { grant_type: string }).grant_type)).toEqual([JWT_GRANT, 'refresh_token', JWT_GRANT]);
	});
});

describe("JWT credential test, as n8n's credential dialog runs it", () => {
	test('good credentials pass', async () => {
		expect(await testCredential('ringCentralJwtApi', credentialStore(emulator))).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emulator.requests({ path: '/restapi/v1.0/account/~/extension/~' })).toHaveLength(1);
	});

	test('a wrong JWT fails with RingCentral\'s code and how to fix it, without echoing the JWT', async () => {
		const result = await testCredential('ringCentralJwtApi', credentialStore(emulator, { jwt: 'wrong-jwt-value' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/RingCentral refused the credential \(OAU-\d+: .+\)\. Generate a new JWT/);
		expect(result.message).not.toContain('wrong-jwt-value');
	});

	test('a wrong client secret fails with RingCentral\'s code and how to fix it, without echoing the secret', async () => {
		const result = await testCredential('ringCentralJwtApi', credentialStore(emulator, { clientSecret: 'wrong-secret-value' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/RingCentral refused the credential \(OAU-\d+: Invalid client.*\)\. Copy the Client ID and Client Secret again/);
		expect(result.message).not.toContain('wrong-secret-value');
	});
});

describe('Custom URL: tokens never travel in clear text to the internet', () => {
	test.each(['http://platform.example.com', 'http://10.0.0.5:8080', 'ftp://127.0.0.1'])('%s is refused before any request', async (customUrl) => {
		const credentials = credentialStore(emulator, { customUrl });
		const { error } = await runRingCentral({ parameters: smsParameters(), credentials });
		expect(error?.message).toMatch(/Custom URL ".+" is refused: it must start with https:\/\//);
		const test = await testCredential('ringCentralJwtApi', credentialStore(emulator, { customUrl }));
		expect(test).toMatchObject({ status: 'Error', message: expect.stringMatching(/must start with https:\/\//) });
		expect(emulator.journal).toHaveLength(0);
	});

	test('http on a loopback host is accepted (a local test server)', async () => {
		const url = new URL(emulator.url);
		const { error } = await runRingCentral({ parameters: smsParameters(), credentials: credentialStore(emulator, { customUrl: `http://localhost:${url.port}/` }) });
		expect(error).toBeUndefined();
		expect(emulator.messages).toHaveLength(1);
	});
});

describe('OAuth2 credential', () => {
	test('sends its stored access token', async () => {
		const credentials = credentialStore(emulator);
		const token = (credentials.stored.ringCentralOAuth2Api.oauthTokenData as { access_token: string }).access_token;
		const { error } = await runRingCentral({ parameters: smsParameters({ authentication: 'oAuth2' }), credentials });
		expect(error).toBeUndefined();
		expect(sendRequests(emulator)[0].headers.authorization).toBe(`Bearer ${token}`);
		expect(emulator.tokenRequests()).toHaveLength(0);
	});

	test('refreshes an expired token with Basic client auth, stores it and replays the SMS once', async () => {
		const credentials = credentialStore(emulator);
		emulator.expireAccessTokens();
		const { error } = await runRingCentral({ parameters: smsParameters({ authentication: 'oAuth2' }), credentials });
		expect(error).toBeUndefined();
		const [refresh] = emulator.tokenRequests();
		expect(refresh.body).toMatchObject({ grant_type: 'refresh_token' });
		expect(refresh.headers.authorization).toMatch(/^Basic /);
		expect(emulator.tokenRequests()).toHaveLength(1);
		const stored = credentials.stored.ringCentralOAuth2Api.oauthTokenData as { access_token: string };
		expect(sendRequests(emulator).map((request) => request.status)).toEqual([401, 200]);
		expect(sendRequests(emulator)[1].headers.authorization).toBe(`Bearer ${stored.access_token}`);
		expect(emulator.messages).toHaveLength(1);
	});
});

describe('Editing the JWT credential takes effect at once', () => {
	test.each([
		['JWT', { jwt: 'another-wrong-jwt-value' }, /Generate a new JWT/],
		['client secret', { clientSecret: 'another-wrong-secret' }, /Copy the Client ID and Client Secret again/],
	])('a wrong %s fails the credential test and the next run, though a token from before is stored', async (_field, edit, fix) => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		expect(credentials.stored.ringCentralJwtApi.accessToken).not.toBe('');
		Object.assign(credentials.stored.ringCentralJwtApi, edit);

		const test = await testCredential('ringCentralJwtApi', credentials);
		expect(test.status).toBe('Error');
		expect(test.message).toMatch(fix);
		const { error } = await runRingCentral({ parameters: smsParameters(), credentials });
		expect(error?.message).toMatch(fix);
		expect(emulator.messages).toHaveLength(1);
	});

	test('a corrected credential logs in again instead of refreshing the old session', async () => {
		const credentials = credentialStore(emulator, { clientSecret: 'typo' });
		await runRingCentral({ parameters: smsParameters(), credentials });
		credentials.stored.ringCentralJwtApi.clientSecret = 'emulator-client-secret';
		const { error } = await runRingCentral({ parameters: smsParameters(), credentials });
		expect(error).toBeUndefined();
		expect(emulator.messages).toHaveLength(1);
	});
});
