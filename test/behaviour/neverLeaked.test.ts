// Never leaked: no redirect is followed, server text is scrubbed of every secret, URLs lose their passwords.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { EMULATOR_DEFAULTS } from '../../dev/emulator';
import { runRingCentral, testCredential } from '../../dev/harness/engine';
import { credentialStore, sendRequests, smsParameters } from '../../dev/harness/setup';
import { useEmulator } from '../../dev/harness/lifecycle';

const TOKEN_PATH = '/restapi/oauth/token';
const SMS_PATH = '/restapi/v1.0/account/~/extension/~/sms';
const emulator = useEmulator(undefined, 'test');

/** Another host: anything it receives is a leak. */
let elsewhere: Server;
let elsewhereUrl: string;
const received: IncomingMessage[] = [];
beforeAll(async () => {
	elsewhere = createServer((req, res) => {
		received.push(req);
		req.resume();
		res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'stolen', id: 1, messageStatus: 'Queued' }));
	});
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
	elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise((resolve) => elsewhere.close(resolve)));
beforeEach(() => (received.length = 0));

const basic = Buffer.from(`${EMULATOR_DEFAULTS.clientId}:${EMULATOR_DEFAULTS.clientSecret}`).toString('base64');
const everySecret = () => [EMULATOR_DEFAULTS.clientSecret, EMULATOR_DEFAULTS.jwt, basic];

describe('No redirect is ever followed', () => {
	test.each([307, 302, 308])('the token endpoint answering %i to another host: nothing reaches it, the error names status and host', async (status) => {
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault: { kind: 'status', status, headers: { location: `${elsewhereUrl}${TOKEN_PATH}` } } });
		const { error } = await runRingCentral({ parameters: smsParameters(), credentials: credentialStore(emulator) });
		expect(received).toHaveLength(0);
		expect(error?.message).toContain(`HTTP ${status} to ${new URL(elsewhereUrl).host}`);
		expect(emulator.messages).toHaveLength(0);
	});

	test('a send answered with a redirect: the token and the message stay here, the other answer is not the output', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		emulator.injectFault({ method: 'POST', path: SMS_PATH, count: 1, fault: { kind: 'status', status: 307, headers: { location: `${elsewhereUrl}${SMS_PATH}` } } });
		const { error, output } = await runRingCentral({ parameters: smsParameters(), credentials });
		expect(received).toHaveLength(0);
		expect(output).toHaveLength(0);
		expect(error?.message).toMatch(new RegExp(`redirect \\(HTTP 307 to ${new URL(elsewhereUrl).host.replace(/\./g, '\\.')}\\)`));
	});

	test('the From list answered with a redirect follows nothing either', async () => {
		const { listSearch } = await import('../../dev/harness/engine');
		emulator.injectFault({ method: 'GET', path: /phone-number$/, count: 5, fault: { kind: 'status', status: 301, headers: { location: `${elsewhereUrl}/numbers` } } });
		await expect(listSearch('getSmsSenders', smsParameters(), credentialStore(emulator))).rejects.toThrow(/redirect \(HTTP 301/);
		expect(received).toHaveLength(0);
	});
});

describe('Server text is scrubbed of every secret the credential holds', () => {
	const echoes: [string, () => string][] = [
		['the JWT', () => `Invalid assertion ${EMULATOR_DEFAULTS.jwt}`],
		['the client secret', () => `Client secret ${EMULATOR_DEFAULTS.clientSecret} is not valid`],
		['the Basic value', () => `Authorization Basic ${basic} refused`],
		['the URL-encoded JWT', () => `assertion=${encodeURIComponent(EMULATOR_DEFAULTS.jwt)}`],
	];

	test.each(echoes)('a token error that quotes %s: the run error and the credential test show redacted text only', async (_name, text) => {
		const fault = { kind: 'status' as const, status: 400, body: { error: 'invalid_grant', error_description: text() } };
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault });
		const { error, run } = await runRingCentral({ parameters: smsParameters(), credentials: credentialStore(emulator), continueOnFail: true });
		const shown = JSON.stringify({ message: error?.message, description: error?.description, run });
		expect(shown).toContain('[redacted]');
		for (const secret of everySecret()) expect(shown).not.toContain(secret);

		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault });
		const tested = await testCredential('ringCentralJwtApi', credentialStore(emulator));
		expect(tested.status).toBe('Error');
		for (const secret of everySecret()) expect(tested.message).not.toContain(secret);
	});

	test('a send error that quotes the access token is scrubbed too', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters: smsParameters(), credentials });
		const token = String(credentials.stored.ringCentralJwtApi.accessToken);
		emulator.injectFault({ method: 'POST', path: SMS_PATH, count: 1, fault: { kind: 'status', status: 400, body: { errorCode: 'CMN-101', message: `Token ${token} cannot send` } } });
		const { error, run } = await runRingCentral({ parameters: smsParameters(), credentials, continueOnFail: true });
		expect(JSON.stringify({ message: error?.message, run })).not.toContain(token);
		expect(sendRequests(emulator)).toHaveLength(2);
	});

	test('a refused Custom URL with a password is shown without it', async () => {
		const credentials = credentialStore(emulator, { customUrl: 'http://admin:hunter2-secret@10.0.0.5:8080' });
		const { error } = await runRingCentral({ parameters: smsParameters(), credentials });
		expect(error?.message).toContain('http://10.0.0.5:8080');
		expect(JSON.stringify(error)).not.toContain('hunter2-secret');
		expect(emulator.journal).toHaveLength(0);
	});
});
