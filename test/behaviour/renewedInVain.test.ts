// A token renewal that hands back a token RingCentral has already ended: one more renewal, from RingCentral, and the item is sent.
import type { INodeExecutionData } from 'n8n-workflow';

import { runRingCentral } from '../../dev/harness/engine';
import { credentialStore, smsParameters } from '../../dev/harness/setup';
import { useEmulator } from '../../dev/harness/lifecycle';
import { copyBeforeRenewals } from '../../dev/harness/tokenHistory';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
// A fresh emulator per test: the node keeps its newest token per server, app and JWT for the process.
const emulator = useEmulator(undefined, 'test');
const grants = () => emulator.tokenRequests().map((request) => `${(request.body as { grant_type: string }).grant_type} ${request.status}`);
const items = (count: number, name: string): INodeExecutionData[] => Array.from({ length: count }, (_, i) => ({ json: { text: `${name} ${i}` } }));
const parameters = smsParameters({ text: '={{ $json.text }}' });
/** Five logins of the same user elsewhere: RingCentral keeps 5 sessions and ends the oldest, this node's among them. */
const endThisNodesSessions = () => Array.from({ length: 5 }, () => emulator.issueAccessToken());

describe("n8n's renewal hands back a token whose session RingCentral ended", () => {
	test('a run holding the replaced token: the node renews once more and every item is sent once', async () => {
		const credentials = credentialStore(emulator);
		const replaced = await copyBeforeRenewals(emulator, credentials, parameters, ['refreshed']);
		endThisNodesSessions();
		// A copy of the credential read before the refresh was stored (another execution, a queue-mode worker).
		credentials.stored.ringCentralJwtApi = replaced;
		const { error, output } = await runRingCentral({ parameters, credentials, items: items(3, 'late'), continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.error)).toEqual([undefined, undefined, undefined]);
		expect(emulator.messages.map((message) => message.text)).toEqual(['warm 0', 'refreshed 0', 'late 0', 'late 1', 'late 2']);
		// The ended session's refresh token is refused; a new login follows.
		expect(grants()).toEqual([`${JWT_GRANT} 200`, 'refresh_token 200', 'refresh_token 400', `${JWT_GRANT} 200`]);
	});

	test('a run holding a token two renewals old, the newest one ended: sent, not failed with OAU-129', async () => {
		const credentials = credentialStore(emulator);
		const oldest = await copyBeforeRenewals(emulator, credentials, parameters, ['second', 'third']);
		endThisNodesSessions();
		credentials.stored.ringCentralJwtApi = oldest;
		const { error } = await runRingCentral({ parameters, credentials, items: items(1, 'late') });
		expect(error).toBeUndefined();
		expect(emulator.messages.map((message) => message.text)).toContain('late 0');
	});

	test('the newest token expired, a run holding an older one: sent', async () => {
		const credentials = credentialStore(emulator);
		const older = await copyBeforeRenewals(emulator, credentials, parameters, ['refreshed']);
		emulator.expireAccessTokens();
		credentials.stored.ringCentralJwtApi = older;
		const { error } = await runRingCentral({ parameters, credentials, items: items(1, 'late') });
		expect(error).toBeUndefined();
		expect(emulator.messages.map((message) => message.text)).toEqual(['warm 0', 'refreshed 0', 'late 0']);
	});
});
