/**
 * n8n's own "Test" button (POST /rest/credentials/test) on saved JWT credentials: it must pass
 * against the emulator and fail with RingCentral's reason and a fix when a secret is wrong.
 */
import { JWT_CREDENTIAL, jwtCredential } from '../../dev/n8n/examples';
import { testCredential } from '../../dev/n8n/n8n';
import { describeE2e, runningN8n } from '../../dev/n8n/setup';

const WRONG_JWT = { id: 'ringcentralBadJwt', name: 'RingCentral wrong JWT' };
const WRONG_SECRET = { id: 'ringcentralBadSec', name: 'RingCentral wrong secret' };
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

describeE2e('JWT credential test in n8n', () => {

	const stack = runningN8n((access) => ({
		credentials: [
			jwtCredential(access),
			{ ...jwtCredential(access, { jwt: 'not-the-jwt' }), ...WRONG_JWT },
			{ ...jwtCredential(access, { clientSecret: 'not-the-secret' }), ...WRONG_SECRET },
		],
	}));


	beforeEach(() => stack.emulator.reset());

	test('the saved credential passes: a JWT grant, then the test request with that token', async () => {
		const result = await testCredential(stack.client, { id: JWT_CREDENTIAL.id });
		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
		expect(stack.emulator.tokenRequests(JWT_GRANT).map((r) => r.status)).toEqual([200]);
		const [check] = stack.emulator.requests({ method: 'GET', path: '/restapi/v1.0/account/~/extension/~' });
		expect(check.status).toBe(200);
		expect(check.headers.authorization).toMatch(/^Bearer \S+$/);
	});

	test('a saved credential with a wrong JWT fails with RingCentral\'s code and "Generate a new JWT"', async () => {
		const result = await testCredential(stack.client, { id: WRONG_JWT.id });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('OAU-');
		expect(result.message).toContain('Generate a new JWT');
		expect(result.message).not.toContain('not-the-jwt');
		expect(stack.emulator.tokenRequests(JWT_GRANT).map((r) => r.status)).toContain(400);
	});

	test('a saved credential with a wrong client secret fails with "Invalid client"', async () => {
		const result = await testCredential(stack.client, { id: WRONG_SECRET.id });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Invalid client');
		expect(result.message).not.toContain('not-the-secret');
		expect(stack.emulator.tokenRequests().map((r) => r.status)).toContain(401);
	});

	/**
	 * The editor sends the stored data back with the user's edit; n8n restores the redacted hidden
	 * access token. A test that only replays that token would report success for any JWT.
	 */
	test('editing the JWT of a credential that already holds a token: the test checks the new JWT', async () => {
		await testCredential(stack.client, { id: JWT_CREDENTIAL.id });
		stack.emulator.reset();
		const stored = await stack.client.rest('GET', `/rest/credentials/${JWT_CREDENTIAL.id}?includeData=true`);
		const edited = { ...JWT_CREDENTIAL, data: { ...stored.data.data, jwt: 'not-the-jwt' } };
		const result = await testCredential(stack.client, edited);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Generate a new JWT');
	});
});
