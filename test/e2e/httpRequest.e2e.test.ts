/**
 * n8n's HTTP Request node with our credentials as its Predefined Credential Type, in a real n8n:
 * the editor's list offers both, and the example (examples/call-any-api.json) calls RingCentral
 * with each: ten executions cost one token request, and a token that expired in between is renewed
 * (401, one new token, the call succeeds).
 */
import { EXAMPLES, JWT_CREDENTIAL, OAUTH2_CREDENTIAL, jwtCredential, loadExample, oauth2Credential, withOAuth2, withServer } from '../../dev/n8n/examples';
import { connectOAuth2, n8nVersion } from '../../dev/n8n/n8n';
import { describeE2e, expectSucceeded, nodeOutput, runningN8n, runWorkflow } from '../../dev/n8n/setup';

const OAUTH2_ID = 'rcCallAnyApiOAu2';
const RUNS = 10;
const NODE = 'Get Extension Info';
const EXTENSION_PATH = '/restapi/v1.0/account/~/extension/~';

interface CredentialTypeJson {
	name: string;
	hidden?: boolean;
	extends?: string[];
	genericAuth?: boolean;
	supportedNodes?: string[];
	restrictToSupportedNodes?: boolean;
	[key: string]: unknown;
}

/**
 * The editor's rule for a `credentialsSelect` parameter (n8n-editor-ui 2.41.1, CredentialsSelect): a
 * type is offered if it has one of the `has:` properties (`authenticate` not counting for generic
 * ones) or extends one of the `extends:` types, directly or through its parents. 1.123's rule
 * differs only for generic credentials (it skips httpHeaderAuth by name).
 */
function offered(types: CredentialTypeJson[], selectors: string[], nodeType: string): string[] {
	const has = selectors.filter((s) => s.startsWith('has:')).map((s) => s.slice(4));
	const parents = selectors.filter((s) => s.startsWith('extends:')).map((s) => s.slice(8));
	const byName = new Map(types.map((t) => [t.name, t]));
	const matches = (name: string): boolean => {
		const type = byName.get(name);
		if (!type || type.hidden || (type.restrictToSupportedNodes && !type.supportedNodes?.includes(nodeType))) return false;
		if (has.some((key) => type[key] !== undefined && !(key === 'authenticate' && type.genericAuth === true))) return true;
		if (type.extends?.some((parent) => parents.includes(parent))) return true;
		return (type.extends ?? []).some(matches);
	};
	return types.map((t) => t.name).filter(matches);
}

describeE2e(`HTTP Request node with the RingCentral credentials (n8n ${n8nVersion()})`, () => {
	const stack = runningN8n((access) => {
		const example = withServer(loadExample('callAnyApi'), access.url);
		return { credentials: [jwtCredential(access), oauth2Credential(access)], workflows: [example, withOAuth2(example, OAUTH2_ID)] };
	});

	const grants = () => stack.emulator.tokenRequests().map((r) => [(r.body as { grant_type: string }).grant_type, r.status]);
	const calls = () => stack.emulator.requests({ method: 'GET', path: EXTENSION_PATH });

	/** Runs the workflow `times` times, each a separate `n8n execute` process; returns the last output. */
	async function run(workflowId: string, times = 1) {
		let output: ReturnType<typeof nodeOutput> = [];
		for (let i = 0; i < times; i++) {
			const result = await runWorkflow(stack.home, workflowId);
			expectSucceeded(result);
			output = nodeOutput(result.run, NODE);
		}
		return output;
	}

	test('the editor\'s Predefined Credential Type list (GET /types/*.json, as the editor reads it) offers both', async () => {
		const nodes = (await stack.client.rest('GET', '/types/nodes.json')).body as Array<{ name: string; version: number | number[]; properties: Array<{ name: string; credentialTypes?: string[] }> }>;
		const credentials = (await stack.client.rest('GET', '/types/credentials.json')).body as CredentialTypeJson[];
		const httpRequest = nodes.filter((n) => n.name === 'n8n-nodes-base.httpRequest' && [n.version].flat().includes(4.2));
		expect(httpRequest).toHaveLength(1);
		const selectors = httpRequest[0].properties.find((p) => p.name === 'nodeCredentialType')!.credentialTypes!;
		expect(selectors).toContain('has:authenticate');
		const list = offered(credentials, selectors, 'n8n-nodes-base.httpRequest');
		expect(list).toEqual(expect.arrayContaining([JWT_CREDENTIAL.type, OAUTH2_CREDENTIAL.type]));
		// The JWT credential qualifies by its (function) authenticate; n8n sends a function as {}.
		expect(credentials.find((c) => c.name === JWT_CREDENTIAL.type)).toMatchObject({ authenticate: {} });
		console.log(`Predefined Credential Type list in n8n ${n8nVersion()}: ${list.length} types, RingCentral: ${list.filter((n) => n.startsWith('ringCentral')).join(', ')}`);
	});

	test(`JWT: ${RUNS} executions, one token request; an expired token is renewed (401, refresh, success)`, async () => {
		stack.emulator.reset();
		const [info] = await run(EXAMPLES.callAnyApi.id, RUNS);
		expect(info.json).toMatchObject({ extensionNumber: '101', name: 'Emulator User' });
		expect(calls().map((c) => c.status)).toEqual(Array(RUNS).fill(200));
		expect(grants()).toEqual([['urn:ietf:params:oauth:grant-type:jwt-bearer', 200]]);

		stack.emulator.expireAccessTokens();
		stack.emulator.reset();
		expect((await run(EXAMPLES.callAnyApi.id))[0].json).toMatchObject({ extensionNumber: '101' });
		expect(calls().map((c) => c.status)).toEqual([401, 200]);
		expect(grants()).toEqual([['refresh_token', 200]]);
	});

	test(`OAuth2: connected once, ${RUNS} executions, no more token requests; an expired token is renewed`, async () => {
		stack.emulator.reset();
		await connectOAuth2(stack.client, OAUTH2_CREDENTIAL.id);
		const [info] = await run(OAUTH2_ID, RUNS);
		expect(info.json).toMatchObject({ extensionNumber: '101' });
		expect(calls().map((c) => c.status)).toEqual(Array(RUNS).fill(200));
		expect(grants()).toEqual([['authorization_code', 200]]);

		stack.emulator.expireAccessTokens();
		stack.emulator.reset();
		expect((await run(OAUTH2_ID))[0].json).toMatchObject({ extensionNumber: '101' });
		expect(calls().map((c) => c.status)).toEqual([401, 200]);
		expect(grants()).toEqual([['refresh_token', 200]]);
	});
});
