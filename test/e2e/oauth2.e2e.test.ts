/**
 * The OAuth2 credential connected through n8n's own callback (authorization code at the
 * emulator's /restapi/oauth/authorize), then used by a send: the token n8n sends is the one the
 * emulator issued for that code.
 */
import type { TokenResponse } from '../../dev/emulator/auth';
import { OAUTH2_CREDENTIAL, loadExample, oauth2Credential, withOAuth2 } from '../../dev/n8n/examples';
import { connectOAuth2, n8nCli } from '../../dev/n8n/n8n';
import { describeE2e, expectSucceeded, runningN8n, runWorkflow } from '../../dev/n8n/setup';

const OAUTH2_ROWS_ID = 'rcRowsOAuth2Sms1';

describeE2e('OAuth2 credential in n8n', () => {
	const issued: TokenResponse[] = [];
	const stack = runningN8n((access, emulator) => {
		// Every token the emulator hands out, in order, to compare with what n8n sends later.
		const issue = emulator.tokens.issue.bind(emulator.tokens);
		emulator.tokens.issue = (clientId: string) => {
			const token = issue(clientId);
			issued.push(token);
			return token;
		};
		return {
			credentials: [oauth2Credential(access)],
			workflows: [withOAuth2(loadExample('rowsSms'), OAUTH2_ROWS_ID)],
		};
	});

	test('Connect: authorization code through n8n\'s callback, one code grant, the issued token stored', async () => {
		await connectOAuth2(stack.client, OAUTH2_CREDENTIAL.id);

		const [authorize] = stack.emulator.requests({ method: 'GET', path: '/restapi/oauth/authorize' });
		expect(authorize.query).toMatchObject({
			client_id: stack.emulator.options.clientId,
			response_type: 'code',
			redirect_uri: `${stack.n8n.url}/rest/oauth2-credential/callback`,
		});
		const grants = stack.emulator.tokenRequests();
		expect(grants).toHaveLength(1);
		expect(grants[0]).toMatchObject({ status: 200, body: { grant_type: 'authorization_code' } });
		// RingCentral wants the client secret as Basic auth, never in the form.
		expect(grants[0].headers.authorization).toMatch(/^Basic /);
		expect(grants[0].body).not.toHaveProperty('client_secret');
		expect(issued).toHaveLength(1);

		// n8n keeps exactly what the emulator issued (read back decrypted through n8n's own CLI).
		const exported = await n8nCli(stack.home, ['export:credentials', `--id=${OAUTH2_CREDENTIAL.id}`, '--decrypted']);
		const [stored] = JSON.parse(exported.stdout.slice(exported.stdout.indexOf('[')));
		expect(stored.data.oauthTokenData).toMatchObject({
			access_token: issued[0].access_token,
			refresh_token: issued[0].refresh_token,
		});
	});

	test('a workflow using the OAuth2 credential sends with the token issued for the code', async () => {
		stack.emulator.reset();
		const result = await runWorkflow(stack.home, OAUTH2_ROWS_ID);
		expectSucceeded(result);

		const sends = stack.emulator.requests({ method: 'POST', path: /\/sms$/ });
		expect(sends).toHaveLength(3);
		expect(sends.map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${issued[0].access_token}`));
		expect(stack.emulator.messages).toHaveLength(3);
		expect(stack.emulator.tokenRequests()).toHaveLength(0);
	});
});
