/** The RingCentral node: its description and operations come from the registry in actions/. */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentials } from './descriptions/authentication';
import { properties, subtitle } from './actions/description';
import { router } from './actions/router';
import { DOCS } from './descriptions/docs';
import { listSearch } from './methods/listSearch';

export class RingCentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RingCentral',
		name: 'ringCentral',
		icon: { light: 'file:../../icons/ringcentral.svg', dark: 'file:../../icons/ringcentral.dark.svg' },
		documentationUrl: DOCS.operations,
		group: ['output'],
		version: 1,
		subtitle,
		description: 'Send SMS, MMS and High Volume SMS through RingCentral, wait for their delivery and read the message store',
		defaults: { name: 'RingCentral' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
