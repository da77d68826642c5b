/** n8n's "Custom API Call" entry of the Resource and Operation menus: an operation that answers with the way to the HTTP Request node. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DOCS } from '../descriptions/docs';
import type { ItemOperation } from './types';

/**
 * n8n adds this value to the Resource and Operation menus of every node whose credential can sign
 * HTTP Request calls (one with `authenticate`, or one that extends oAuth2Api) and, when it is
 * picked, hides the fields and shows a notice that sends the user to the HTTP Request node. The
 * node is never meant to make the call (n8n's own nodes do not). Persisted by n8n: never rename.
 */
export const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

/**
 * Declared last in each Operation menu (description.ts), so n8n does not add its own: it adds one
 * only when the last option is not named "Custom API Call". Ours has an action, which n8n uses to
 * name the node ("Custom API call" instead of "__CUSTOM_API_CALL__ sms").
 */
export const customApiCall: ItemOperation = {
	value: CUSTOM_API_CALL,
	name: 'Custom API Call',
	action: 'Custom API call',
	description: 'Call any RingCentral API with the HTTP Request node and this credential',
	kind: 'item',
	sends: false,
	properties: [],

	// Short unbroken words: n8n's error pane does not wrap inside a long URL.
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		throw new NodeOperationError(this.getNode(), 'Custom API Call is made with the HTTP Request node, not with this node', {
			itemIndex,
			description:
				'Add an HTTP Request node, set Authentication to "Predefined Credential Type" and Credential Type to "RingCentral JWT API" ' +
				'(or "RingCentral OAuth2 API") and pick your RingCentral credential. The URL is the server of the credential followed by ' +
				'the API path, e.g. https://platform.ringcentral.com and /restapi/v1.0/account/~/extension/~ to read your extension. ' +
				`n8n signs in and renews the token for you. See ${DOCS.customApiCall}`,
		});
	},
};

/** The entry whether it was picked as the Operation or as the Resource (which then has no Operation). */
export const isCustomApiCall = (resource: string, operation: string): boolean => resource === CUSTOM_API_CALL || operation === CUSTOM_API_CALL;
