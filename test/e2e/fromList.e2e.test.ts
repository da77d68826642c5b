/**
 * The From field's list in the editor: n8n calls the node's listSearch methods through its
 * dynamic-parameters route with the saved credential; the lists must follow the numbers' features.
 */
import { JWT_CREDENTIAL, NODE_TYPE, jwtCredential } from '../../dev/n8n/examples';
import { describeE2e, runningN8n } from '../../dev/n8n/setup';

describeE2e('From list in the n8n editor', () => {

	const stack = runningN8n((access) => ({ credentials: [jwtCredential(access)] }));


	/** The request the editor sends when the From dropdown opens. */
	async function listSenders(operation: 'send' | 'sendMms', methodName: string, filter = '', resource = 'sms') {
		const response = await stack.client.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.from',
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			methodName,
			currentNodeParameters: {
				authentication: 'jwt',
				resource,
				operation,
				from: { __rl: true, mode: 'list', value: '' },
				options: {},
			},
			credentials: { [JWT_CREDENTIAL.type]: { id: JWT_CREDENTIAL.id, name: JWT_CREDENTIAL.name } },
			filter,
		});
		expect(response.status).toBe(200);
		return response.data.results as Array<{ name: string; value: string }>;
	}

	const withFeature = (feature: string) =>
		stack.emulator.options.phoneNumbers.filter((n) => n.features.includes(feature)).map((n) => n.phoneNumber);

	test('Send SMS lists exactly the SmsSender numbers, labelled', async () => {
		const results = await listSenders('send', 'getSmsSenders');
		expect(results.map((r) => r.value)).toEqual(withFeature('SmsSender'));
		expect(results[0].name).toBe('+16505550100 · Main direct line');
	});

	test('Send MMS lists only the MmsSender numbers (no toll-free)', async () => {
		const results = await listSenders('sendMms', 'getMmsSenders');
		expect(results.map((r) => r.value)).toEqual(withFeature('MmsSender'));
		expect(results.map((r) => r.value)).not.toContain('+18885550100');
	});

	test('High Volume SMS lists only the A2PSmsSender numbers', async () => {
		const results = await listSenders('send', 'getA2pSmsSenders', '', 'highVolumeSms');
		expect(results.map((r) => r.value)).toEqual(withFeature('A2PSmsSender'));
		expect(results.map((r) => r.value)).toEqual(['+16505550120', '+18445550120']);
	});

	test('typing in the search box filters the list', async () => {
		const results = await listSenders('send', 'getSmsSenders', '888');
		expect(results.map((r) => r.value)).toEqual(['+18885550100']);
	});
});
