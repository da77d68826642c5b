import { NodeHelpers, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import { runRingCentral } from '../../../dev/harness/engine';
import { credentialStore, smsParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';
import { RingCentral } from '../../../nodes/RingCentral/RingCentral.node';

const emulator = useEmulator();
const description = new RingCentral().description;
const menus = (name: string) => description.properties.filter((property: INodeProperties) => property.name === name);

describe("n8n's Custom API Call entry leads to the HTTP Request node", () => {
	test.each([
		['picked as the Operation', smsParameters({ operation: '__CUSTOM_API_CALL__' })],
		['picked as the Resource (no Operation left)', { authentication: 'jwt', resource: '__CUSTOM_API_CALL__' }],
	])('%s: the run fails with the way to make the call, and nothing is sent', async (_, parameters) => {
		const { error } = await runRingCentral({ parameters, credentials: credentialStore(emulator) });
		expect(error?.message).toBe('Custom API Call is made with the HTTP Request node, not with this node');
		expect(error?.description).toMatch(/HTTP Request node.*"Predefined Credential Type".*"RingCentral JWT API"/);
		expect(error?.description).toContain('https://github.com/n8n-nodes-ringcentral/n8n-nodes-ringcentral#call-any-ringcentral-api');
		expect(error?.context?.itemIndex).toBe(0);
		expect(emulator.journal).toHaveLength(0);
	});

	test('with Continue On Fail every item carries that error', async () => {
		const { output } = await runRingCentral({
			parameters: smsParameters({ operation: '__CUSTOM_API_CALL__' }),
			credentials: credentialStore(emulator),
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.error)).toEqual([
			'Custom API Call is made with the HTTP Request node, not with this node',
			'Custom API Call is made with the HTTP Request node, not with this node',
		]);
	});

	test('every Operation menu ends with it, so n8n adds no second one, and the node gets a readable name', () => {
		// n8n adds its own entry only when a menu's last option is not named "Custom API Call".
		for (const menu of menus('operation')) {
			const last = (menu.options as INodePropertyOptions[]).at(-1);
			expect(last).toMatchObject({ name: 'Custom API Call', value: '__CUSTOM_API_CALL__' });
		}
		// What n8n names a node after picking it (n8n-workflow's own rule), instead of "__CUSTOM_API_CALL__ sms".
		expect(NodeHelpers.makeNodeName({ resource: 'sms', operation: '__CUSTOM_API_CALL__' }, description)).toBe('Custom API call');
	});
});
