/** The RingCentral Trigger: starts a workflow for each SMS or MMS the user receives (trigger/ holds the parts). */
import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentials } from './descriptions/authentication';
import { DOCS } from './descriptions/docs';
import { triggerProperties } from './trigger/description';
import { checkExists, create, delete as deleteSubscription } from './trigger/subscription';
import { webhook } from './trigger/webhook';

export class RingCentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RingCentral Trigger',
		name: 'ringCentralTrigger',
		icon: { light: 'file:../../icons/ringcentral.svg', dark: 'file:../../icons/ringcentral.dark.svg' },
		documentationUrl: DOCS.trigger,
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Inbound messages" }}',
		description: 'Starts the workflow when an SMS or MMS arrives at your RingCentral numbers',
		defaults: { name: 'RingCentral Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await webhook.call(this);
	}
}
