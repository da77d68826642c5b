/** RingCentral JWT credential: server-to-server login, token renewed by n8n through preAuthentication. */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { serverProperties, serverUrlExpression } from './common/ringcentral/server';
import { fetchJwtAccessToken, sessionOwnerOf } from './common/ringcentral/token';

/** RingCentral's server-to-server flow: a JWT made in the Developer Console is traded for tokens. */
export class RingCentralJwtApi implements ICredentialType {
	name = 'ringCentralJwtApi';

	displayName = 'RingCentral JWT API';

	icon: Icon = { light: 'file:../icons/ringcentral.svg', dark: 'file:../icons/ringcentral.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-ringcentral/n8n-nodes-ringcentral#create-the-ringcentral-app-and-credentials';

	properties: INodeProperties[] = [
		...serverProperties,
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: "The app's Client ID, from its Credentials page in the RingCentral Developer Console",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- a RingCentral JWT credential logs in as its user: a secret
		{
			displayName: 'JWT',
			name: 'jwt',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A JWT credential of the RingCentral user who sends the messages (Developer Console > Credentials > Create JWT)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'Session Owner',
			name: 'sessionOwner',
			type: 'hidden',
			default: '',
		},
		{
			// Which n8n process obtained the stored token, when, and until when: in queue mode that process renews it.
			displayName: 'Lease',
			name: 'lease',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return await fetchJwtAccessToken(this, credentials);
	}

	/**
	 * Sends the stored token only if it was issued for the credential as it is now: after an edit
	 * (another JWT, app or server) RingCentral answers 401 and n8n logs in again with the new
	 * values, so a wrong JWT fails at once, in the credential test too. A function rather than the
	 * generic form, which n8n would evaluate as an expression on every request.
	 *
	 * A property, not a method: n8n builds the editor's credential list from a copy of each credential
	 * object (`{...credential}`), which keeps own properties only. As a method it was lost there, and
	 * the HTTP Request node's "Predefined Credential Type" list, which shows the credentials that have
	 * `authenticate` (or extend OAuth2), left this one out.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		if (credentials.sessionOwner === sessionOwnerOf(credentials)) {
			requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` };
		}
		return requestOptions;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: serverUrlExpression('$credentials'),
			url: '/restapi/v1.0/account/~/extension/~',
		},
	};
}
