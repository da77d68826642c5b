/**
 * The example workflows in examples/ and the credentials they reference, shared by the e2e tests
 * and `npm run n8n`. Both import the very files users import, rewritten only where a local run
 * must differ (credential data, download URL), so the examples cannot rot unnoticed.
 */
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const HELLO_PNG = path.join(EXAMPLES_DIR, 'files', 'hello.png');

export const NODE_TYPE = 'n8n-nodes-ringcentral.ringCentral';

/** The credential the examples reference; importing one with this id makes them run as they are. */
export const JWT_CREDENTIAL = { id: 'ringcentralJwt01', name: 'RingCentral JWT', type: 'ringCentralJwtApi' };
export const OAUTH2_CREDENTIAL = { id: 'ringcentralOAuth', name: 'RingCentral OAuth2', type: 'ringCentralOAuth2Api' };

export const EXAMPLES = {
	webhookSms: { file: 'webhook-send-sms.json', id: 'rcWebhookSendSms', webhookPath: 'ringcentral-sms' },
	rowsSms: { file: 'rows-send-sms.json', id: 'rcRowsSendSms001' },
	downloadMms: { file: 'download-send-mms.json', id: 'rcDownloadSndMms' },
	vcardMms: { file: 'vcard-send-mms.json', id: 'rcVcardSendMms01' },
	sendWait: { file: 'send-wait-for-delivery.json', id: 'rcSendWaitDlvry1' },
	campaignOptOuts: { file: 'campaign-skip-opt-outs.json', id: 'rcCampaignOptOut' },
	autoReply: { file: 'auto-reply-inbound-sms.json', id: 'rcAutoReplyInSms' },
	saveMms: { file: 'save-inbound-mms-files.json', id: 'rcSaveInboundMms' },
	callAnyApi: { file: 'call-any-api.json', id: 'rcCallAnyApi0001' },
} as const;

export type ExampleName = keyof typeof EXAMPLES;

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, any>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings: Record<string, unknown>;
	[key: string]: unknown;
}

export function loadExample(name: ExampleName): WorkflowJson {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, EXAMPLES[name].file), 'utf8'));
}

export const TRIGGER_TYPE = 'n8n-nodes-ringcentral.ringCentralTrigger';

export function ringCentralNodes(workflow: WorkflowJson): WorkflowNode[] {
	return workflow.nodes.filter((node) => node.type === NODE_TYPE || node.type === TRIGGER_TYPE);
}

/** The production webhook URL of the example's RingCentral Trigger on an n8n at `baseUrl`. */
export function triggerUrl(workflow: WorkflowJson, baseUrl: string, kind: 'webhook' | 'webhook-test' = 'webhook'): string {
	const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
	if (!trigger?.webhookId) throw new Error(`${workflow.id}: no RingCentral Trigger with a webhookId`);
	return `${baseUrl}/${kind}/${trigger.webhookId}/webhook`;
}

/** Points the example's Read/Write Files node at another folder (n8n may write only inside N8N_RESTRICT_FILE_ACCESS_TO). */
export function withFilesFolder(workflow: WorkflowJson, folder: string): WorkflowJson {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes.filter((n) => n.type === 'n8n-nodes-base.readWriteFile')) {
		node.parameters.fileName = String(node.parameters.fileName).replace('/home/node/.n8n-files', folder);
	}
	return copy;
}

/** Points the example's download at another URL (a local file server instead of the internet). */
export function withDownloadUrl(workflow: WorkflowJson, url: string): WorkflowJson {
	const copy = structuredClone(workflow);
	const downloads = copy.nodes.filter((node) => node.type === 'n8n-nodes-base.httpRequest');
	if (downloads.length !== 1) throw new Error(`${workflow.id}: expected one HTTP Request node, found ${downloads.length}`);
	downloads[0].parameters.url = url;
	return copy;
}

/** The same workflow sending through the OAuth2 credential, under a new id and name. */
export function withOAuth2(workflow: WorkflowJson, id: string): WorkflowJson {
	const copy = structuredClone(workflow);
	copy.id = id;
	copy.name = `${workflow.name} (OAuth2)`;
	const oauth2 = { [OAUTH2_CREDENTIAL.type]: { id: OAUTH2_CREDENTIAL.id, name: OAUTH2_CREDENTIAL.name } };
	for (const node of ringCentralNodes(copy)) {
		node.parameters.authentication = 'oAuth2';
		node.credentials = oauth2;
	}
	// HTTP Request nodes with the JWT credential as their Predefined Credential Type.
	for (const node of copy.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest' && n.parameters.nodeCredentialType === JWT_CREDENTIAL.type)) {
		node.parameters.nodeCredentialType = OAUTH2_CREDENTIAL.type;
		node.credentials = oauth2;
	}
	return copy;
}

/** Points the example's HTTP Request URLs from RingCentral's server to another one (the emulator). */
export function withServer(workflow: WorkflowJson, serverUrl: string): WorkflowJson {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest')) {
		node.parameters.url = String(node.parameters.url).replace('https://platform.ringcentral.com', serverUrl);
	}
	return copy;
}

export interface EmulatorAccess {
	url: string;
	clientId: string;
	clientSecret: string;
	jwt: string;
}

/** `n8n import:credentials` shape; n8n encrypts the plaintext data on import. */
export function jwtCredential(emulator: EmulatorAccess, data: Record<string, string> = {}) {
	return {
		...JWT_CREDENTIAL,
		data: {
			server: 'custom',
			customUrl: emulator.url,
			clientId: emulator.clientId,
			clientSecret: emulator.clientSecret,
			jwt: emulator.jwt,
			...data,
		},
	};
}

/** Not connected yet: n8n adds oauthTokenData when the OAuth2 flow completes. */
export function oauth2Credential(emulator: EmulatorAccess) {
	return {
		...OAUTH2_CREDENTIAL,
		data: {
			server: 'custom',
			customUrl: emulator.url,
			clientId: emulator.clientId,
			clientSecret: emulator.clientSecret,
		},
	};
}
