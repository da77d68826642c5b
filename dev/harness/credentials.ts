// n8n's credential store and helper as packages/cli provides them, for one credential per type.
import './environment';

import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { RingCentralJwtApi } from '../../credentials/RingCentralJwtApi.credentials';
import { RingCentralOAuth2Api } from '../../credentials/RingCentralOAuth2Api.credentials';
import { StartNode, TestNodeTypes } from './nodeTypes';

/** The fields of n8n-nodes-base's oAuth2Api that the RingCentral OAuth2 credential builds on. */
const oAuth2Api: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: ['grantType', 'authUrl', 'accessTokenUrl', 'clientId', 'clientSecret', 'scope', 'authQueryParameters', 'authentication'].map(
		(name): INodeProperties => ({ displayName: name, name, type: 'string', default: '' }),
	),
};

export const credentialTypes: Record<string, ICredentialType> = {
	oAuth2Api,
	ringCentralJwtApi: new RingCentralJwtApi(),
	ringCentralOAuth2Api: new RingCentralOAuth2Api(),
};

export const CREDENTIAL_IDS: Record<string, string> = { ringCentralJwtApi: 'cred-jwt', ringCentralOAuth2Api: 'cred-oauth2' };

/**
 * The credential store and helper n8n's CLI provides at run time, reduced to one stored credential
 * per type. It follows packages/cli's CredentialsHelper: defaults and expressions are applied on
 * read, `preAuthentication` runs when the expirable token is empty or expired and its result is
 * persisted, and OAuth2 token updates are persisted.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly stored: Record<string, ICredentialDataDecryptedObject> = {};

	/** How often each credential's token data was written back, as n8n writes it to its database. */
	readonly updates: Record<string, number> = {};

	private readonly mockWorkflow = new Workflow({
		nodes: [{ id: 'mock', name: 'mock', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ mock: new StartNode() }),
	});

	constructor(initial: Record<string, ICredentialDataDecryptedObject> = {}) {
		super();
		for (const [type, data] of Object.entries(initial)) this.stored[type] = { ...data };
	}

	getParentTypes(type: string): string[] {
		const parents = credentialTypes[type]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = credentialTypes[type];
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends ?? []) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = credentialTypes[typeName];
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: string) =>
			value.startsWith('=') && workflow && node
				? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials } as never, undefined, '') ?? '')
				: value;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			const target = ((requestOptions as unknown as Record<string, Record<string, unknown>>)[outerKey] ??= {});
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) target[resolve(key)] = resolve(value);
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = credentialTypes[typeName];
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		this.stored[typeName] = { ...this.stored[typeName], ...(output as ICredentialDataDecryptedObject) };
		this.updates[typeName] = (this.updates[typeName] ?? 0) + 1;
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = credentialTypes[typeName];
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		return new Credentials(nodeCredentials, type, '');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode = 'internal',
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.stored[type];
		if (!stored) throw new Error(`No test credentials of type ${type}`);
		if (raw) return { ...stored };
		return this.applyDefaults(type, stored, mode);
	}

	/** Type defaults, then expressions (with $self and $credentials), as n8n does on every read. */
	applyDefaults(type: string, stored: ICredentialDataDecryptedObject, mode: WorkflowExecuteMode = 'internal'): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		const data = { ...stored };
		// n8n pins hidden OAuth fields to the type's defaults.
		for (const field of ['grantType', 'authUrl', 'accessTokenUrl', 'scope', 'authQueryParameters', 'authentication']) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete data[field];
		}
		const withDefaults = NodeHelpers.getNodeParameters(properties, data as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) withDefaults.oauthTokenData = stored.oauthTokenData;
		return this.mockWorkflow.expression.getComplexParameterValue(
			this.mockWorkflow.getNode('mock')!,
			withDefaults as INodeParameters,
			mode,
			{ $credentials: withDefaults } as never,
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.stored[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored[type] = { ...this.stored[type], oauthTokenData: data.oauthTokenData };
		this.updates[type] = (this.updates[type] ?? 0) + 1;
	}
}
