/**
 * The smoke test every supported n8n version runs (N8N_E2E_VERSION: 2.41.1 by default, 1.123.81
 * in its own CI step): the package tarball loads, Send SMS, Send MMS from binary data, the
 * credential test, a send and the From list after the access token expired (JWT and OAuth2), and
 * the trigger's activation. The expiry cases are the n8n 1.x report: once the token expired, the
 * node never signed in again.
 */
import { JWT_CREDENTIAL, NODE_TYPE, OAUTH2_CREDENTIAL, EXAMPLES, TRIGGER_TYPE, jwtCredential, loadExample, oauth2Credential, withOAuth2 } from '../../dev/n8n/examples';
import { activateWorkflow, connectOAuth2, n8nVersion, testCredential, waitForExecutions } from '../../dev/n8n/n8n';
import { binaryBytes, describeE2e, expectSucceeded, nodeOutput, runningN8n, runWorkflow, sha256 } from '../../dev/n8n/setup';

const OAUTH2_ROWS_ID = 'rcRowsOAuth2Sms1';
const CUSTOMER = '+14155550142';

describeE2e(`n8n ${n8nVersion()}: smoke`, () => {
	const stack = runningN8n((access) => ({
		credentials: [jwtCredential(access), oauth2Credential(access)],
		workflows: [loadExample('rowsSms'), loadExample('vcardMms'), withOAuth2(loadExample('rowsSms'), OAUTH2_ROWS_ID), loadExample('autoReply')],
	}));

	/** The From list as the editor asks for it (n8n's dynamic-parameters route). */
	async function fromList(authentication: 'jwt' | 'oAuth2') {
		const credential = authentication === 'jwt' ? JWT_CREDENTIAL : OAUTH2_CREDENTIAL;
		const response = await stack.client.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.from',
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			methodName: 'getSmsSenders',
			currentNodeParameters: { authentication, resource: 'sms', operation: 'send', from: { __rl: true, mode: 'list', value: '' }, options: {} },
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			filter: '',
		});
		if (response.status !== 200) throw new Error(`From list: HTTP ${response.status} ${JSON.stringify(response.body)}`);
		return (response.data.results as Array<{ value: string }>).map((r) => r.value);
	}

	const smsSenders = () => stack.emulator.options.phoneNumbers.filter((n) => n.features.includes('SmsSender')).map((n) => n.phoneNumber);

	test('the package tarball is loaded: both nodes and both credentials', async () => {
		const nodes = await stack.client.rest('GET', '/types/nodes.json');
		const credentials = await stack.client.rest('GET', '/types/credentials.json');
		const nodeNames = (nodes.body as Array<{ name: string }>).map((n) => n.name);
		expect(nodeNames).toEqual(expect.arrayContaining([NODE_TYPE, TRIGGER_TYPE]));
		const credentialNames = (credentials.body as Array<{ name: string }>).map((c) => c.name);
		expect(credentialNames).toEqual(expect.arrayContaining([JWT_CREDENTIAL.type, OAUTH2_CREDENTIAL.type]));
	});

	test('JWT: credential test, Send SMS, Send MMS from binary data', async () => {
		expect(await testCredential(stack.client, { id: JWT_CREDENTIAL.id })).toMatchObject({ status: 'OK' });

		expectSucceeded(await runWorkflow(stack.home, EXAMPLES.rowsSms.id));
		expect(stack.emulator.messages).toHaveLength(3);

		const mms = await runWorkflow(stack.home, EXAMPLES.vcardMms.id);
		expectSucceeded(mms);
		const [made] = nodeOutput(mms.run, 'vCard File');
		const bytes = binaryBytes(stack.home, made.binary!.data);
		expect(bytes.toString('utf8')).toMatch(/^BEGIN:VCARD\r\n/);
		const [request] = stack.emulator.requests({ method: 'POST', path: /\/mms$/ });
		expect(request.parts![1]).toMatchObject({ contentType: 'text/vcard', fileName: 'dana-example.vcf', sha256: sha256(bytes) });
		expect(await fromList('jwt')).toEqual(smsSenders());
	});

	test('JWT: after the access token expired, a send and the From list sign in again (one refresh)', async () => {
		stack.emulator.expireAccessTokens();
		stack.emulator.reset();
		expectSucceeded(await runWorkflow(stack.home, EXAMPLES.rowsSms.id));
		expect(stack.emulator.messages).toHaveLength(3);
		// The first send met the expired token; n8n renewed it once and sent again.
		const sends = stack.emulator.requests({ method: 'POST', path: /\/sms$/ });
		expect(sends.map((r) => r.status)).toEqual([401, 200, 200, 200]);
		expect(stack.emulator.tokenRequests().map((r) => [(r.body as { grant_type: string }).grant_type, r.status])).toEqual([['refresh_token', 200]]);

		stack.emulator.expireAccessTokens();
		expect(await fromList('jwt')).toEqual(smsSenders());
	});

	test('OAuth2: connect, Send SMS; after the token expired, a send and the From list renew it', async () => {
		// Connected = a token stored (connectOAuth2 checks it): that is all 2.x's editor checks for OAuth2.
		await connectOAuth2(stack.client, OAUTH2_CREDENTIAL.id);
		stack.emulator.reset();
		expectSucceeded(await runWorkflow(stack.home, OAUTH2_ROWS_ID));
		expect(stack.emulator.messages).toHaveLength(3);
		expect(stack.emulator.tokenRequests()).toHaveLength(0);

		stack.emulator.expireAccessTokens();
		stack.emulator.reset();
		expectSucceeded(await runWorkflow(stack.home, OAUTH2_ROWS_ID));
		expect(stack.emulator.messages).toHaveLength(3);
		expect(stack.emulator.tokenRequests().map((r) => [(r.body as { grant_type: string }).grant_type, r.status])).toEqual([['refresh_token', 200]]);

		stack.emulator.expireAccessTokens();
		expect(await fromList('oAuth2')).toEqual(smsSenders());
	});

	test('the trigger: activation creates one subscription; an inbound SMS starts one execution', async () => {
		const publication = await activateWorkflow(stack.client, EXAMPLES.autoReply.id);
		expect(publication.status).toBe('published');
		expect(stack.emulator.subscriptions.list()).toEqual([expect.objectContaining({ status: 'Active' })]);

		const { deliveries } = await stack.emulator.injectInboundSms({ from: CUSTOMER, text: 'Is my order ready?' });
		expect(deliveries).toEqual([expect.objectContaining({ status: 200 })]);
		const executions = await waitForExecutions(stack.client, EXAMPLES.autoReply.id, 1);
		expect(executions).toEqual([expect.objectContaining({ status: 'success', mode: 'webhook' })]);
		expect(stack.emulator.outbound.at(-1)).toMatchObject({ to: [CUSTOMER] });
	});
});
