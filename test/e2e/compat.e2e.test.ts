/**
 * The smoke test every supported n8n version runs (N8N_E2E_VERSION: 2.41.1 by default, 1.123.81
 * in its own CI step): the package tarball loads, Send SMS, Send MMS from binary data, the
 * credential test, a send and the From list after the access token expired (JWT and OAuth2), and
 * the trigger's activation and an inbound MMS with its file. The expiry cases are the n8n 1.x report: once the token expired, the
 * node never signed in again.
 */
import { JWT_CREDENTIAL, NODE_TYPE, OAUTH2_CREDENTIAL, EXAMPLES, TRIGGER_TYPE, jwtCredential, loadExample, oauth2Credential, withOAuth2 } from '../../dev/n8n/examples';
import { activateWorkflow, connectOAuth2, getExecution, isN8n1, n8nVersion, testCredential, waitForExecutions } from '../../dev/n8n/n8n';
import { binaryBytes, describeE2e, expectSucceeded, nodeOutput, runningN8n, runWorkflow, sha256 } from '../../dev/n8n/setup';

const OAUTH2_ROWS_ID = 'rcRowsOAuth2Sms1';
const WRONG_JWT = { id: 'rcWrongJwtCred01', name: 'RingCentral JWT (wrong JWT)', type: 'ringCentralJwtApi' };
const WRONG_JWT_ROWS_ID = 'rcRowsWrongJwt01';
/** What the emulator sees for a request with an expired token, before the renewed one. */
const EXPIRED = isN8n1() ? [401, 401] : [401];
const CUSTOMER = '+14155550142';

describeE2e(`n8n ${n8nVersion()}: smoke`, () => {
	const stack = runningN8n((access) => {
		const wrongJwt = { ...loadExample('rowsSms'), id: WRONG_JWT_ROWS_ID, name: 'Rows with a wrong JWT' };
		wrongJwt.nodes = wrongJwt.nodes.map((node) => (node.type === NODE_TYPE ? { ...node, credentials: { [WRONG_JWT.type]: { id: WRONG_JWT.id, name: WRONG_JWT.name } } } : node));
		return {
			credentials: [jwtCredential(access), oauth2Credential(access), { ...jwtCredential(access, { jwt: 'not-the-jwt' }), ...WRONG_JWT }],
			workflows: [loadExample('rowsSms'), loadExample('vcardMms'), withOAuth2(loadExample('rowsSms'), OAUTH2_ROWS_ID), wrongJwt, loadExample('autoReply')],
		};
	});

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
		// The first send met the expired token; n8n renewed it once and sent again (1.x returns the 401
		// as an answer, so the node sends once more with n8n throwing: that one renews).
		const sends = stack.emulator.requests({ method: 'POST', path: /\/sms$/ });
		expect(sends.map((r) => r.status)).toEqual([...EXPIRED, 200, 200, 200]);
		expect(stack.emulator.tokenRequests().map((r) => [(r.body as { grant_type: string }).grant_type, r.status])).toEqual([['refresh_token', 200]]);

		stack.emulator.expireAccessTokens();
		expect(await fromList('jwt')).toEqual(smsSenders());
	});

	test('other statuses come back whole: a 429 waited out for its Retry-After, a refusal with RingCentral\'s code', async () => {
		stack.emulator.reset();
		stack.emulator.injectFault({ method: 'POST', path: /\/sms$/, count: 1, fault: { kind: 'rateLimited', retryAfterSeconds: 1 } });
		expectSucceeded(await runWorkflow(stack.home, EXAMPLES.rowsSms.id));
		const sends = stack.emulator.requests({ method: 'POST', path: /\/sms$/ });
		expect(sends.map((r) => r.status)).toEqual([429, 200, 200, 200]);
		// Retry-After was read (1 s), not lost (30 s when a 429 says nothing).
		const waitedMs = sends[1].time - sends[0].time;
		console.log(`n8n ${n8nVersion()}: 429 with Retry-After 1 s, sent again after ${waitedMs} ms`);
		expect(waitedMs).toBeGreaterThanOrEqual(1000);
		expect(waitedMs).toBeLessThan(30_000);

		const refusal = { errorCode: 'MSG-242', message: 'Sending SMS is not available from the number specified.', errors: [{ errorCode: 'MSG-242', message: 'Sending SMS is not available from the number specified.', parameterName: 'from' }] };
		stack.emulator.injectFault({ method: 'POST', path: /\/sms$/, count: 1, fault: { kind: 'status', status: 403, body: refusal } });
		const refused = await runWorkflow(stack.home, EXAMPLES.rowsSms.id);
		expect(refused.run?.status).not.toBe('success');
		expect(`${refused.stdout}${refused.stderr}`).toContain('MSG-242');
	});

	test('a wrong JWT: the send fails with RingCentral\'s reason and the fix, nothing sent', async () => {
		stack.emulator.reset();
		const result = await runWorkflow(stack.home, WRONG_JWT_ROWS_ID);
		expect(result.run?.status).not.toBe('success');
		const output = `${result.stdout}${result.stderr}`;
		// RingCentral's own words, not n8n 1.x's wrapping of them ("Could not authenticate…").
		expect(output).toContain('"RingCentral refused the credential (OAU-');
		expect(output).toContain('Generate a new JWT');
		expect(output).not.toContain('Could not authenticate');
		expect(output).not.toContain('not-the-jwt');
		expect(stack.emulator.requests({ method: 'POST', path: /\/sms$/ })).toHaveLength(0);
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
		expect(stack.emulator.requests({ method: 'POST', path: /\/sms$/ }).map((r) => r.status)).toEqual([...EXPIRED, 200, 200, 200]);
		expect(stack.emulator.tokenRequests().map((r) => [(r.body as { grant_type: string }).grant_type, r.status])).toEqual([['refresh_token', 200]]);

		stack.emulator.expireAccessTokens();
		expect(await fromList('oAuth2')).toEqual(smsSenders());
	});

	test('the trigger: activation creates one subscription; an inbound MMS starts one execution, its file as binary data', async () => {
		const publication = await activateWorkflow(stack.client, EXAMPLES.autoReply.id);
		expect(publication.status).toBe('published');
		expect(stack.emulator.subscriptions.list()).toEqual([expect.objectContaining({ status: 'Active' })]);

		const photo = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7 + 3) & 0xff));
		const { deliveries } = await stack.emulator.injectInboundSms({
			from: CUSTOMER,
			text: 'Is my order ready?',
			attachments: [{ fileName: 'order.jpg', contentType: 'image/jpeg', data: photo }],
		});
		expect(deliveries).toEqual([expect.objectContaining({ status: 200 })]);
		const executions = await waitForExecutions(stack.client, EXAMPLES.autoReply.id, 1);
		expect(executions).toEqual([expect.objectContaining({ status: 'success', mode: 'webhook' })]);
		expect(stack.emulator.outbound.at(-1)).toMatchObject({ to: [CUSTOMER] });
		// The file came through prepareBinaryData from a stream, in this version's binary data mode.
		const stored = await getExecution(stack.client, executions[0].id);
		const [event] = stored.data.resultData.runData['When a Text Arrives'][0].data.main[0];
		expect(event.binary.attachment_0).toMatchObject({ fileName: 'order.jpg', mimeType: 'image/jpeg' });
		expect(sha256(binaryBytes(stack.home, event.binary.attachment_0))).toBe(sha256(photo));
	});
});
