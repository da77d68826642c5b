/**
 * n8n's own "Test" button (POST /rest/credentials/test) on a saved JWT credential: it must pass
 * against the emulator and fail with RingCentral's reason and a fix when a secret is wrong.
 */
import { RingCentralEmulator } from '../emulator';
import { JWT_CREDENTIAL, jwtCredential } from './examples';
import { setupOwnerAndLogin, startN8n, testCredential, type N8nHome, type N8nInstance, type RestClient } from './n8n';
import { describeE2e, disposeN8n, emulatorAccess, prepareN8n } from './setup';

describeE2e('JWT credential test in n8n', () => {
	let emulator: RingCentralEmulator;
	let home: N8nHome;
	let n8n: N8nInstance;
	let client: RestClient;

	beforeAll(async () => {
		emulator = await RingCentralEmulator.start();
		home = await prepareN8n({ credentials: [jwtCredential(emulatorAccess(emulator))] });
		n8n = await startN8n(home);
		client = await setupOwnerAndLogin(n8n);
	}, 180_000);

	afterAll(async () => {
		await n8n?.stop();
		await emulator?.stop();
		disposeN8n(home);
	});

	beforeEach(() => emulator.reset());

	/** The stored credential as the editor shows it, with one field changed by the "user". */
	async function editedCredential(changes: Record<string, string>) {
		const stored = await client.rest('GET', `/rest/credentials/${JWT_CREDENTIAL.id}?includeData=true`);
		return { ...JWT_CREDENTIAL, data: { ...stored.data.data, ...changes } };
	}

	test('the saved credential passes: token by JWT grant, then the test request with it', async () => {
		const result = await testCredential(client, { id: JWT_CREDENTIAL.id });
		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
		expect(emulator.tokenRequests('urn:ietf:params:oauth:grant-type:jwt-bearer').length).toBeGreaterThanOrEqual(1);
		const [check] = emulator.requests({ method: 'GET', path: '/restapi/v1.0/account/~/extension/~' });
		expect(check.status).toBe(200);
		expect(check.headers.authorization).toMatch(/^Bearer \S+$/);
	});

	test('a wrong JWT fails with RingCentral\'s code and "Generate a new JWT"', async () => {
		const result = await testCredential(client, await editedCredential({ jwt: 'not-the-jwt' }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('OAU-');
		expect(result.message).toContain('Generate a new JWT');
		expect(result.message).not.toContain('not-the-jwt');
		expect(emulator.tokenRequests().map((r) => r.status)).toContain(400);
	});

	test('a wrong client secret fails with "Invalid client"', async () => {
		const result = await testCredential(client, await editedCredential({ clientSecret: 'not-the-secret' }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Invalid client');
		expect(result.message).not.toContain('not-the-secret');
		expect(emulator.tokenRequests().map((r) => r.status)).toContain(401);
	});
});

