// Never hammered: one token request per burst, Retry-After honoured (at least 1 s, HTTP dates), token requests within the node's options.
import type { INodeExecutionData } from 'n8n-workflow';

import { runRingCentral } from '../../dev/harness/engine';
import { credentialStore, sendRequests, smsParameters } from '../../dev/harness/setup';
import { useEmulator } from '../../dev/harness/lifecycle';
import { copyBeforeRenewals } from '../../dev/harness/tokenHistory';

const TOKEN_PATH = '/restapi/oauth/token';
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const emulator = useEmulator(undefined, 'test');
const grants = () => emulator.tokenRequests().map((request) => (request.body as { grant_type: string }).grant_type);
const items = (count: number, name: string): INodeExecutionData[] => Array.from({ length: count }, (_, i) => ({ json: { text: `${name} ${i}` } }));
const parameters = smsParameters({ text: '={{ $json.text }}' });

describe('Executions that start together share one token request', () => {
	test('8 executions at a cold start: one JWT login, every message sent once', async () => {
		const credentials = credentialStore(emulator);
		const runs = await Promise.all(Array.from({ length: 8 }, async (_, i) => await runRingCentral({ parameters, credentials, items: items(2, `cold ${i}`) })));
		for (const run of runs) expect(run.error).toBeUndefined();
		expect(grants()).toEqual([JWT_GRANT]);
		expect(emulator.messages).toHaveLength(16);
	});

	test('8 executions when the token has expired: one refresh, none refused, no new login', async () => {
		const credentials = credentialStore(emulator);
		await runRingCentral({ parameters, credentials, items: items(1, 'warm') });
		emulator.expireAccessTokens();
		const runs = await Promise.all(Array.from({ length: 8 }, async (_, i) => await runRingCentral({ parameters, credentials, items: items(2, `expired ${i}`) })));
		for (const run of runs) expect(run.error).toBeUndefined();
		expect(grants()).toEqual([JWT_GRANT, 'refresh_token']);
		expect(emulator.tokenRequests().filter((request) => request.status !== 200)).toHaveLength(0);
		expect(emulator.messages).toHaveLength(17);
	});

	test('a late execution whose copy of the credential was read before the first token was stored gets that token: one login', async () => {
		const credentials = credentialStore(emulator);
		const cold = { ...credentials.stored.ringCentralJwtApi };
		await runRingCentral({ parameters, credentials, items: items(1, 'first') });
		// A queue-mode worker runs many executions at once: one read the store while the login was under way.
		credentials.stored.ringCentralJwtApi = cold;
		const { error } = await runRingCentral({ parameters, credentials, items: items(1, 'late') });
		expect(error).toBeUndefined();
		expect(grants()).toEqual([JWT_GRANT]);
	});

	test('a late execution still holding the replaced token gets the new one without a request', async () => {
		const credentials = credentialStore(emulator);
		const stale = await copyBeforeRenewals(emulator, credentials, parameters, ['first after expiry']);
		// Another process's copy of the credential, read before the refresh was stored.
		credentials.stored.ringCentralJwtApi = stale;
		const { error } = await runRingCentral({ parameters, credentials, items: items(1, 'late') });
		expect(error).toBeUndefined();
		expect(grants()).toEqual([JWT_GRANT, 'refresh_token']);
	});

	test('a late execution holding a token two renewals old gets the newest without a request', async () => {
		const credentials = credentialStore(emulator);
		credentials.stored.ringCentralJwtApi = await copyBeforeRenewals(emulator, credentials, parameters, ['second', 'third']);
		const { error } = await runRingCentral({ parameters, credentials, items: items(1, 'late') });
		expect(error).toBeUndefined();
		expect(grants()).toEqual([JWT_GRANT, 'refresh_token', 'refresh_token']);
	});
});

describe("Waits for RingCentral's Retry-After", () => {
	test('Retry-After: -1 waits at least 1 s per try: a handful of token requests within Max Rate Limit Wait, not hundreds', async () => {
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1000, fault: { kind: 'status', status: 429, headers: { 'retry-after': '-1' }, body: { errorCode: 'CMN-301', message: 'Request rate exceeded' } } });
		const { error } = await runRingCentral({ parameters: smsParameters({ options: { maxRateLimitWait: 3 } }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(/rate-limited the token request/);
		expect(emulator.tokenRequests().length).toBeGreaterThanOrEqual(2);
		expect(emulator.tokenRequests().length).toBeLessThanOrEqual(4);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	test('a token 429 longer than Max Rate Limit Wait, 20 items under Continue On Fail: one token request, each item carries the error', async () => {
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1000, fault: { kind: 'status', status: 429, headers: { 'retry-after': '60' }, body: { errorCode: 'CMN-301', message: 'Request rate exceeded' } } });
		const { error, output } = await runRingCentral({ parameters: smsParameters({ text: '={{ $json.text }}', options: { maxRateLimitWait: 1 } }), credentials: credentialStore(emulator), items: items(20, 'paused'), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(20);
		for (const item of output) expect(String(item.json.error)).toMatch(/rate-limited the token request \(CMN-301/);
		expect(emulator.tokenRequests()).toHaveLength(1);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	test('a later run that may wait past the token Retry-After asks again only once it has passed', async () => {
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault: { kind: 'status', status: 429, headers: { 'retry-after': '2' } } });
		const impatient = await runRingCentral({ parameters: smsParameters({ options: { maxRateLimitWait: 1 } }), credentials: credentialStore(emulator), items: items(1, 'impatient') });
		expect(impatient.error?.message).toMatch(/rate-limited the token request/);
		const patient = await runRingCentral({ parameters: smsParameters({ options: { maxRateLimitWait: 10 } }), credentials: credentialStore(emulator), items: items(1, 'patient') });
		expect(patient.error).toBeUndefined();
		const [refused, next] = emulator.tokenRequests();
		expect([refused.status, next.status, emulator.tokenRequests().length]).toEqual([429, 200, 2]);
		expect(next.time - refused.time).toBeGreaterThanOrEqual(1900);
	});

	test('an HTTP-date Retry-After is honoured, not replaced by 30 s', async () => {
		const date = new Date(Date.now() + 2_000).toUTCString();
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault: { kind: 'status', status: 429, headers: { 'retry-after': date } } });
		const started = Date.now();
		const { error } = await runRingCentral({ parameters, credentials: credentialStore(emulator), items: items(1, 'dated') });
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		// The old rule (30 s when Retry-After is not a number) would still be waiting.
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(grants()).toEqual([JWT_GRANT, JWT_GRANT]);
	});
});

describe("Token requests keep to the node's options and say what is wrong", () => {
	test('a token 429 without Retry-After (30 s) and Max Rate Limit Wait 2 s: fails after one token request, nothing sent', async () => {
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault: { kind: 'rateLimited' } });
		const { error } = await runRingCentral({ parameters: smsParameters({ options: { maxRateLimitWait: 2 } }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(/rate-limited the token request/);
		expect(emulator.tokenRequests()).toHaveLength(1);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	test('a token request slower than Options > Timeout fails at the timeout, not after a fixed 30 s', async () => {
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault: { kind: 'delay', ms: 4_000 } });
		const { error } = await runRingCentral({ parameters: smsParameters({ options: { timeout: 1 } }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(/to get an access token \(no complete answer before the timeout\)/);
		expect(sendRequests(emulator)).toHaveLength(0);
	});

	test.each([500, 503])('a token endpoint %i is a RingCentral outage, not a reason to make a new JWT', async (status) => {
		emulator.injectFault({ method: 'POST', path: TOKEN_PATH, count: 1, fault: { kind: 'status', status, body: { errorCode: 'CMN-201', message: 'Service Temporary Unavailable' } } });
		const { error } = await runRingCentral({ parameters, credentials: credentialStore(emulator), items: items(1, 'outage') });
		expect(error?.message).toMatch(new RegExp(`could not issue a token \\(HTTP ${status}\\)`));
		expect(error?.message).toMatch(/Nothing is wrong with the credential/);
		expect(error?.message).not.toMatch(/Generate a new JWT/);
	});
});

describe('Durations beyond what a timer can hold are refused before anything is sent', () => {
	test.each([
		['Timeout', { timeout: 2_147_484 }],
		['Timeout', { timeout: -5 }],
		['Max Rate Limit Wait', { maxRateLimitWait: 1e12 }],
		['Max Rate Limit Wait', { maxRateLimitWait: 'soon' }],
	])('%s %j', async (field, options) => {
		const { error } = await runRingCentral({ parameters: smsParameters({ options }), credentials: credentialStore(emulator) });
		expect(error?.message).toMatch(new RegExp(`^Invalid ${field} ".*": it must be a number of seconds from \\d+ to 3600`));
		expect(error?.context?.itemIndex).toBe(0);
		expect(emulator.journal).toHaveLength(0);
	});
});
