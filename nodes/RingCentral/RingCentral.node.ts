import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as sendSms from './actions/sms/send.operation';
import * as sendMms from './actions/sms/sendMms.operation';
import { getMmsSenders, getSmsSenders } from './methods/listSearch';

export class RingCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RingCentral',
		name: 'ringCentral',
		icon: { light: 'file:../../icons/ringcentral.svg', dark: 'file:../../icons/ringcentral.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ {"send": "Send SMS", "sendMms": "Send MMS"}[$parameter["operation"]] }}',
		description: 'Send SMS and MMS through RingCentral',
		defaults: { name: 'RingCentral' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ringCentralJwtApi', required: true, displayOptions: { show: { authentication: ['jwt'] } } },
			{ name: 'ringCentralOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'JWT', value: 'jwt', description: "RingCentral's server-to-server flow with a JWT credential" },
					{ name: 'OAuth2', value: 'oAuth2', description: 'A RingCentral user signs in once through n8n' },
				],
				default: 'jwt',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'SMS', value: 'sms' }],
				default: 'sms',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['sms'] } },
				options: [
					{ name: 'Send SMS', value: 'send', action: 'Send an SMS', description: 'Send a text message to one number or a group' },
					{ name: 'Send MMS', value: 'sendMms', action: 'Send an MMS', description: 'Send files from the item (pictures, PDFs, vCards…) with optional text' },
				],
				default: 'send',
			},
			...sendSms.description,
			...sendMms.description,
		],
	};

	methods = { listSearch: { getSmsSenders, getMmsSenders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
