import type { IRun } from 'n8n-workflow';

import { runRingCentral, testCredential } from '../../dev/harness/engine';
import type { TestCredentialsHelper } from '../../dev/harness/credentials';
import { credentialStore, smsParameters } from '../../dev/harness/setup';
import { useEmulator } from '../../dev/harness/lifecycle';
import type { FaultKind } from '../../dev/emulator';

const SMS_PATH = '/restapi/v1.0/account/~/extension/~/sms';
const emulator = useEmulator();

/** Everything n8n could store from a run: items, errors with their causes, messages, stacks. */
function serialize(run: IRun): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(run, (_key, value: unknown) => {
		if (typeof value !== 'object' || value === null) return value;
		if (seen.has(value)) return '[circular]';
		seen.add(value);
		if (value instanceof Error) {
			const error = value as Error & { cause?: unknown };
			return { ...error, name: error.name, message: error.message, stack: error.stack, cause: error.cause };
		}
		return value;
	});
}

/** Every secret the credentials held or RingCentral handed out during the test. */
function secretsSeen(credentials: TestCredentialsHelper): string[] {
	const jwt = credentials.stored.ringCentralJwtApi;
	const oauth = credentials.stored.ringCentralOAuth2Api.oauthTokenData as Record<string, string>;
	const bearer = emulator.journal.map((entry) => /^Bearer (.+)$/.exec(entry.headers.authorization ?? '')?.[1]);
	const refresh = emulator.tokenRequests().map((entry) => (entry.body as Record<string, string>).refresh_token);
	return [jwt.clientSecret, jwt.jwt, jwt.accessToken, jwt.refreshToken, oauth.access_token, oauth.refresh_token, ...bearer, ...refresh]
		.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8);
}

const failures: [string, FaultKind | undefined, number][] = [
	['a 500 after sending', { kind: 'status', status: 500, processed: true }, 1],
	['a dropped connection', { kind: 'drop', processed: false }, 1],
	['a timeout', { kind: 'delay', ms: 1500, processed: true }, 1],
	['401 even after renewing the token twice', { kind: 'expiredToken' }, 4],
	['a RingCentral refusal', { kind: 'status', status: 403, body: { errorCode: 'CMN-408', message: 'In order to call this API endpoint, user needs to have [OutboundSMS] permission.' } }, 1],
];

describe('Secrets never appear in run data, errors or their descriptions', () => {
	test.each(failures)('JWT run failing with %s', async (_name, fault, count) => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		if (fault) emulator.injectFault({ method: 'POST', path: SMS_PATH, count, fault });
		for (const continueOnFail of [false, true]) {
			const { run, error } = await runRingCentral({ parameters: smsParameters({ options: { timeout: 1 } }), credentials, continueOnFail });
			const stored = serialize(run);
			if (!continueOnFail) expect(error).toBeDefined();
			const secrets = secretsSeen(credentials);
			expect(secrets.length).toBeGreaterThanOrEqual(4);
			for (const secret of secrets) expect(stored).not.toContain(secret);
			if (fault) emulator.injectFault({ method: 'POST', path: SMS_PATH, count, fault });
		}
	});

	test('a wrong JWT or client secret: the failed run and the credential test name neither', async () => {
		for (const wrong of [{ jwt: 'wrong-jwt-0123456789' }, { clientSecret: 'wrong-secret-0123456789' }] as Record<string, string>[]) {
			const credentials = credentialStore(emulator, wrong);
			const { run, error } = await runRingCentral({ parameters: smsParameters(), credentials });
			expect(error?.message).toMatch(/RingCentral refused the credential/);
			const test = await testCredential('ringCentralJwtApi', credentials);
			const stored = serialize(run) + JSON.stringify(test);
			for (const secret of [...Object.values(wrong), 'emulator-client-secret', 'emulator-jwt-credential']) expect(stored).not.toContain(secret);
		}
	});

	test('OAuth2 run whose token cannot be refreshed', async () => {
		const credentials = credentialStore(emulator);
		const oauth = credentials.stored.ringCentralOAuth2Api.oauthTokenData as Record<string, string>;
		emulator.expireAccessTokens();
		oauth.refresh_token = 'unknown-refresh-token-0123';
		const { run, error } = await runRingCentral({ parameters: smsParameters({ authentication: 'oAuth2' }), credentials });
		expect(error).toBeDefined();
		const stored = serialize(run);
		for (const secret of [...secretsSeen(credentials), 'unknown-refresh-token-0123', 'emulator-client-secret']) expect(stored).not.toContain(secret);
	});
});
