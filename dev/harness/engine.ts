// Runs the RingCentral node inside n8n-core's WorkflowExecute, its list search and its credential test.
import './environment';

import { Container } from '@n8n/di';
import { BinaryDataService, ExecuteContext, ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialTestRequest,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type INodeType,
} from 'n8n-workflow';

import { CREDENTIAL_IDS, credentialTypes, type TestCredentialsHelper } from './credentials';
import { StartNode, TestNodeTypes } from './nodeTypes';

/**
 * Jest runs the TypeScript source; scripts (demo, benchmarks) run the built package in dist/,
 * as n8n would load it. (Outside jest, Node would resolve RingCentral.node to the codex .json.)
 */
const nodeModule = process.env.JEST_WORKER_ID ? '../../nodes/RingCentral/RingCentral.node' : '../../dist/nodes/RingCentral/RingCentral.node.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RingCentral } = require(nodeModule) as typeof import('../../nodes/RingCentral/RingCentral.node');

export const NODE_TYPE = 'n8n-nodes-ringcentral.ringCentral';
export const NODE_NAME = 'RingCentral';

let executionCounter = 0;

/** n8n keeps binary data inline (base64 in the item) unless the service is initialised: filesystem mode. */
export async function useStoredBinaryData(): Promise<BinaryDataService> {
	const service = Container.get(BinaryDataService);
	await service.init();
	return service;
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: TestCredentialsHelper;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** n8n's node settings, e.g. Retry On Fail: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 }. */
	settings?: Partial<Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>>;
	/** Nodes placed between Start and RingCentral, e.g. one that creates binary data. */
	before?: { node: INode; type: INodeType }[];
}

export interface RunResult {
	run: IRun;
	/** The RingCentral node's output items (empty when it failed). */
	output: INodeExecutionData[];
	/** The error that stopped the RingCentral node, if any. */
	error?: Error & { description?: string | null; context?: Record<string, unknown>; httpCode?: string | null };
	executionId: string;
}

function credentialsFor(parameters: INodeParameters): INode['credentials'] {
	const type = parameters.authentication === 'oAuth2' ? 'ringCentralOAuth2Api' : 'ringCentralJwtApi';
	return { [type]: { id: CREDENTIAL_IDS[type], name: `RingCentral ${type}` } };
}

export function ringCentralNode(parameters: INodeParameters, continueOnFail = false): INode {
	return {
		id: 'rc',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [400, 0],
		parameters,
		credentials: credentialsFor(parameters),
		...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

export function additionalDataFor(hooks: ExecutionLifecycleHooks, credentials: TestCredentialsHelper, executionId: string): IWorkflowExecuteAdditionalData {
	const unavailable = (name: string) => async () => {
		throw new Error(`${name} is not available in tests`);
	};
	return {
		credentialsHelper: credentials,
		hooks,
		executionId,
		workflowId: 'wf-ringcentral',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: unavailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unavailable('startRunnerTask'),
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs Start → (before…) → RingCentral in n8n-core's WorkflowExecute, as a manual execution. */
export async function runRingCentral(options: RunOptions): Promise<RunResult> {
	const executionId = String(++executionCounter);
	const start: INode = { id: 'start', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} };
	const chain = [start, ...(options.before ?? []).map((b) => b.node), { ...ringCentralNode(options.parameters, options.continueOnFail), ...options.settings }];
	const connections = Object.fromEntries(
		chain.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: chain[index + 1].name, type: 'main' as const, index: 0 }]] }]),
	);
	const types: Record<string, INodeType> = { 'test.start': new StartNode(), [NODE_TYPE]: new RingCentral() };
	for (const extra of options.before ?? []) types[extra.node.type] = extra.type;
	const workflow = new Workflow({
		id: 'wf-ringcentral',
		name: 'RingCentral test',
		nodes: chain,
		connections,
		nodeTypes: new TestNodeTypes(types),
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const workflowData = { id: 'wf-ringcentral', name: 'RingCentral test', nodes: chain, connections, active: false, settings: {} } as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [options.items ?? [{ json: {} }]] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(additionalDataFor(hooks, options.credentials, executionId), 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const task = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		run,
		output: task?.data?.main?.[0] ?? [],
		error: (task?.error ?? run.data.resultData.error) as RunResult['error'],
		executionId,
	};
}

function probeWorkflow(parameters: INodeParameters): { workflow: Workflow; node: INode } {
	const node = ringCentralNode(parameters);
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		nodeTypes: new TestNodeTypes({ [NODE_TYPE]: new RingCentral() }),
		active: false,
	});
	return { workflow, node };
}

/** What the editor does to fill a resource locator's list: n8n-core's LoadOptionsContext. */
export async function listSearch(method: 'getSmsSenders' | 'getMmsSenders' | 'getA2pSmsSenders', parameters: INodeParameters, credentials: TestCredentialsHelper, filter?: string): Promise<INodeListSearchResult> {
	const { workflow, node } = probeWorkflow(parameters);
	// As n8n's editor does: the node's current parameters travel with the request.
	const additionalData = { ...additionalDataFor(new ExecutionLifecycleHooks('internal', 'probe', {} as IWorkflowBase), credentials, 'probe'), currentNodeParameters: parameters };
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.from');
	return await new RingCentral().methods.listSearch[method].call(context, filter);
}

/**
 * What n8n's credential test does for a credential with a `test.request` (packages/cli's
 * CredentialsTester): the request runs for a temporary node through n8n-core's authenticated
 * request helper (preAuthentication when there is no token, a new one after a 401), and a failure
 * becomes the message the credential dialog shows.
 */
export async function testCredential(type: 'ringCentralJwtApi' | 'ringCentralOAuth2Api', credentials: TestCredentialsHelper): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const data = credentials.applyDefaults(type, credentials.stored[type]);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: CREDENTIAL_IDS[type], name: type } },
	};
	// Like n8n, a copy of the No-Op node type that declares the credential under test.
	const noOp = new StartNode();
	noOp.description = { ...noOp.description, name: 'noOp', credentials: [{ name: type, required: true }] };
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes: new TestNodeTypes({ 'n8n-nodes-base.noOp': noOp }), active: false });
	const additionalData = additionalDataFor(new ExecutionLifecycleHooks('internal', 'credential-test', {} as IWorkflowBase), credentials, 'credential-test');
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	const test = (credentialTypes[type].test as ICredentialTestRequest).request;
	const baseURL = workflow.expression.getSimpleParameterValue(node, test.baseURL as string, 'internal', { $credentials: data } as never, undefined, '') as string;
	try {
		await context.helpers.httpRequestWithAuthentication.call(context, type, { method: 'GET', url: `${baseURL}${test.url}`, json: true });
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: (error as Error).message };
	}
}
