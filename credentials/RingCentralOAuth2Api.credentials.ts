/** RingCentral OAuth2 credential: authorization-code flow through n8n's OAuth2 callback. */
import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { serverProperties, serverUrlExpression } from './common/ringcentral/server';

/** Authorization-code flow: a RingCentral user signs in once through n8n's OAuth2 callback. */
export class RingCentralOAuth2Api implements ICredentialType {
	name = 'ringCentralOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'RingCentral OAuth2 API';

	icon: Icon = { light: 'file:../icons/ringcentral.svg', dark: 'file:../icons/ringcentral.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-ringcentral/n8n-nodes-ringcentral#create-the-ringcentral-app-and-credentials';

	properties: INodeProperties[] = [
		...serverProperties,
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: serverUrlExpression('$self', '/restapi/oauth/authorize'),
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: serverUrlExpression('$self', '/restapi/oauth/token'),
			required: true,
		},
		// RingCentral grants the permissions set on the app and ignores requested scopes.
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		// RingCentral refuses client credentials in the body (OAU-123): send them as Basic auth.
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: serverUrlExpression('$credentials'),
			url: '/restapi/v1.0/account/~/extension/~',
		},
	};
}
