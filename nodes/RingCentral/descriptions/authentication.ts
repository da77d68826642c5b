/** Authentication (UI): which RingCentral credential the node and the trigger use; the values are persisted. */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const authentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'JWT', value: 'jwt', description: "RingCentral's server-to-server flow with a JWT credential" },
		{ name: 'OAuth2', value: 'oAuth2', description: 'A RingCentral user signs in once through n8n' },
	],
	default: 'jwt',
};

/** One credential per Authentication value (transport/credential.ts maps them back). */
export const credentials: INodeCredentialDescription[] = [
	{ name: 'ringCentralJwtApi', required: true, displayOptions: { show: { authentication: ['jwt'] } } },
	{ name: 'ringCentralOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
