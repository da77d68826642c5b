// A small n8n for the RingCentral Trigger, built from n8n-core as packages/cli uses it: activation
// hooks in a HookContext (checkExists → create, delete), a real HTTP server whose requests run the
// node's webhook in a WebhookContext, executions in WorkflowExecute, and "Listen for test event"
// with its own static data. Static data persists between calls as n8n's database keeps it.
import './environment';

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IRun,
	type IWebhookData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CREDENTIAL_IDS, type TestCredentialsHelper } from './credentials';
import { additionalDataFor, NODE_TYPE } from './engine';
import { TestNodeTypes } from './nodeTypes';

const triggerModule = process.env.JEST_WORKER_ID ? '../../nodes/RingCentral/RingCentralTrigger.node' : '../../dist/nodes/RingCentral/RingCentralTrigger.node.js';
const nodeModule = process.env.JEST_WORKER_ID ? '../../nodes/RingCentral/RingCentral.node' : '../../dist/nodes/RingCentral/RingCentral.node.js';
/* eslint-disable @typescript-eslint/no-require-imports */
const { RingCentralTrigger } = require(triggerModule) as typeof import('../../nodes/RingCentral/RingCentralTrigger.node');
const { RingCentral } = require(nodeModule) as typeof import('../../nodes/RingCentral/RingCentral.node');
/* eslint-enable @typescript-eslint/no-require-imports */

export const TRIGGER_TYPE = 'n8n-nodes-ringcentral.ringCentralTrigger';
export const TRIGGER_NAME = 'RingCentral Trigger';
const WORKFLOW_ID = 'wf-trigger';

export interface TriggerOptions {
	parameters: INodeParameters;
	credentials: TestCredentialsHelper;
	/** Nodes after the trigger, one after another (e.g. a RingCentral node replying). */
	after?: INode[];
	/** n8n's public base URL (WEBHOOK_URL) when it is not this server, e.g. to test a refused one. */
	webhookBaseUrl?: string;
}

export interface Execution {
	mode: 'webhook' | 'manual';
	run: IRun;
	/** The trigger's output items. */
	items: INodeExecutionData[];
}

type Mode = 'production' | 'test';

export class TriggerHarness {
	/** n8n's database copy of the workflow's static data. */
	staticData: IDataObject = {};
	readonly executions: Execution[] = [];
	/** Every request to a webhook URL and the status it got. */
	readonly requests: { mode: Mode; status: number; started: boolean }[] = [];
	private readonly registered = new Set<Mode>();
	/** Static data of the test registration (n8n keeps it in the registration, never in the database). */
	private testStaticData: IDataObject = {};
	private readonly pending = new Set<Promise<unknown>>();
	private readonly nodes: INode[];
	private readonly types: TestNodeTypes;
	private server!: Server;
	private baseUrl = '';
	private counter = 0;

	private constructor(private readonly options: TriggerOptions) {
		const trigger: INode = { id: 'trigger', name: TRIGGER_NAME, type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], webhookId: randomUUID(), parameters: options.parameters, credentials: credentialsOf(options.parameters) };
		this.nodes = [trigger, ...(options.after ?? [])];
		const types: Record<string, INodeType> = { [TRIGGER_TYPE]: new RingCentralTrigger(), [NODE_TYPE]: new RingCentral() };
		this.types = new TestNodeTypes(types);
	}

	static async start(options: TriggerOptions): Promise<TriggerHarness> {
		const harness = new TriggerHarness(options);
		harness.server = createServer((req, res) => harness.track(harness.handle(req, res)));
		await new Promise<void>((resolve) => harness.server.listen(0, '127.0.0.1', resolve));
		harness.baseUrl = `http://127.0.0.1:${(harness.server.address() as AddressInfo).port}`;
		return harness;
	}

	get productionUrl(): string {
		return `${this.baseUrl}/webhook/${this.path}`;
	}

	get testUrl(): string {
		return `${this.baseUrl}/webhook-test/${this.path}`;
	}

	/** Publishing the workflow: the webhook is stored first (the handshake arrives during create), then checkExists, create if it said no; static data saved afterwards. */
	async activate(): Promise<void> {
		this.registered.add('production');
		const workflow = this.workflow(this.staticData);
		try {
			if (!(await this.hook(workflow, 'checkExists', 'production'))) await this.hook(workflow, 'create', 'production');
		} catch (error) {
			this.registered.delete('production');
			throw error;
		}
		this.staticData = saved(workflow.staticData);
	}

	/** Unpublishing: the webhook goes away, then delete runs with the saved static data. */
	async deactivate(): Promise<void> {
		this.registered.delete('production');
		const workflow = this.workflow(this.staticData);
		await this.hook(workflow, 'delete', 'production');
		this.staticData = saved(workflow.staticData);
	}

	/** "Listen for test event": registered first (the handshake arrives during create), fresh static data. */
	async listenForTestEvent(): Promise<void> {
		this.registered.add('test');
		const workflow = this.workflow({});
		if (!(await this.hook(workflow, 'checkExists', 'test'))) await this.hook(workflow, 'create', 'test');
		this.testStaticData = workflow.staticData;
	}

	/** What n8n does after the first test execution starts, or when the listening times out. */
	async stopListening(): Promise<void> {
		if (!this.registered.delete('test')) return;
		await this.hook(this.workflow(this.testStaticData), 'delete', 'test');
	}

	/** Waits for every execution started so far (webhook answers come before their executions end). */
	async settled(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	async stop(): Promise<void> {
		await this.settled();
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	/** Requests and executions in flight, for settled(). */
	private track(work: Promise<unknown>): void {
		this.pending.add(work);
		void work.finally(() => this.pending.delete(work));
	}

	private get path(): string {
		return NodeHelpers.getNodeWebhookPath(WORKFLOW_ID, this.nodes[0], 'webhook');
	}

	private workflow(staticData: IDataObject): Workflow {
		const connections = Object.fromEntries(
			this.nodes.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: this.nodes[index + 1].name, type: 'main' as const, index: 0 }]] }]),
		);
		return new Workflow({ id: WORKFLOW_ID, name: 'Trigger test', nodes: this.nodes, connections, nodeTypes: this.types, active: true, staticData: saved(staticData), settings: { executionOrder: 'v1' } });
	}

	private additionalData(executionId: string, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
		const base = additionalDataFor(hooks ?? new ExecutionLifecycleHooks('internal', executionId, {} as IWorkflowBase), this.options.credentials, executionId);
		const publicUrl = this.options.webhookBaseUrl ?? this.baseUrl;
		return { ...base, workflowId: WORKFLOW_ID, webhookBaseUrl: `${publicUrl}/webhook`, webhookTestBaseUrl: `${publicUrl}/webhook-test` };
	}

	private webhookData(mode: Mode, additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		const description = new RingCentralTrigger().description.webhooks![0];
		return { httpMethod: 'POST', node: TRIGGER_NAME, path: this.path, webhookDescription: description, workflowId: WORKFLOW_ID, workflowExecuteAdditionalData: additionalData, webhookId: this.nodes[0].webhookId, isTest: mode === 'test' };
	}

	private async hook(workflow: Workflow, method: 'checkExists' | 'create' | 'delete', mode: Mode): Promise<boolean> {
		const additionalData = this.additionalData(`hook-${++this.counter}`);
		const context = new HookContext(workflow, this.nodes[0], additionalData, mode === 'test' ? 'manual' : 'trigger', mode === 'test' ? 'manual' : 'activate', this.webhookData(mode, additionalData));
		const methods = new RingCentralTrigger().webhookMethods.default;
		return await methods[method].call(context);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const mode: Mode | undefined = req.url === `/webhook/${this.path}` ? 'production' : req.url === `/webhook-test/${this.path}` ? 'test' : undefined;
		if (!mode || !this.registered.has(mode) || req.method !== 'POST') {
			res.statusCode = 404;
			res.end('{"message":"The requested webhook is not registered."}');
			return;
		}
		// What n8n's body parser leaves on the request: JSON parsed, an empty body as {}.
		const text = Buffer.concat(chunks).toString('utf8');
		Object.assign(req, { body: text && /json/.test(req.headers['content-type'] ?? '') ? JSON.parse(text) : {}, query: {}, params: {} });
		const workflow = this.workflow(mode === 'production' ? this.staticData : {});
		if (mode === 'test') workflow.setTestStaticData(this.testStaticData);
		const executionId = `exec-${++this.counter}`;
		const executionMode = mode === 'test' ? 'manual' : 'webhook';
		const hooks = new ExecutionLifecycleHooks(executionMode, executionId, { id: WORKFLOW_ID, nodes: this.nodes } as unknown as IWorkflowBase);
		const additionalData = { ...this.additionalData(executionId, hooks), httpRequest: req, httpResponse: res } as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(workflow, this.nodes[0], additionalData, executionMode, this.webhookData(mode, additionalData), [], null);
		const result = await new RingCentralTrigger().webhook.call(context);
		this.requests.push({ mode, status: res.statusCode, started: result.workflowData !== undefined });
		if (!res.writableEnded) res.end();
		if (!result.workflowData) return;
		const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node: this.nodes[0], data: { main: result.workflowData }, source: null }] } });
		const running = new WorkflowExecute(additionalData, executionMode, runExecutionData)
			.processRunExecutionData(workflow)
			.then(() => done)
			.then((run) => this.executions.push({ mode: executionMode, run, items: run.data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [] }));
		this.track(running);
		if (mode === 'test') await this.stopListening();
	}
}

function credentialsOf(parameters: INodeParameters): INode['credentials'] {
	const type = parameters.authentication === 'oAuth2' ? 'ringCentralOAuth2Api' : 'ringCentralJwtApi';
	return { [type]: { id: CREDENTIAL_IDS[type], name: `RingCentral ${type}` } };
}

/** The trigger's parameters: JWT, inbound messages, the given options. */
export function triggerParameters(options: IDataObject = {}, overrides: INodeParameters = {}): INodeParameters {
	return { authentication: 'jwt', events: ['inboundMessage'], options, ...overrides } as INodeParameters;
}

/** A RingCentral node that answers the sender of the text that started the workflow. */
export function replyNode(text = 'Thanks, we got your message.'): INode {
	return {
		id: 'reply',
		name: 'Reply',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [240, 0],
		parameters: { authentication: 'jwt', resource: 'sms', operation: 'send', from: { __rl: true, mode: 'number', value: '={{ $json.to[0].phoneNumber }}' }, to: '={{ $json.from.phoneNumber }}', text, options: {} },
		credentials: { ringCentralJwtApi: { id: CREDENTIAL_IDS.ringCentralJwtApi, name: 'RingCentral ringCentralJwtApi' } },
	};
}

/** Static data as n8n's database gives it back: plain JSON (n8n watches it through a proxy). */
function saved(data: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(data)) as IDataObject;
}
