/**
 * Workflows and credentials for the full n8n, configured as a user would in the editor:
 * Manual Trigger → Code (generates the items) → the node(s) under test.
 */
import { EMULATOR_DEFAULTS } from '../dev/emulator';
import { SENDER } from '../dev/harness/setup';

export const SMS_PATH = '/restapi/v1.0/account/~/extension/~/sms';

// n8n ids are 16 characters.
export const CREDENTIALS = {
	jwt: { id: 'rcbenchjwt000001', name: 'RingCentral JWT (bench)' },
	/** A second JWT credential, never used before the token-economy row: its first token is counted there. */
	jwtTokens: { id: 'rcbenchjwt000002', name: 'RingCentral JWT (token economy)' },
	bearer: { id: 'rcbenchhdr000001', name: 'RingCentral bearer header' },
};

export function credentialsJson(emulatorUrl: string, bearerToken: string): object[] {
	const jwtData = {
		server: 'custom',
		customUrl: emulatorUrl,
		clientId: EMULATOR_DEFAULTS.clientId,
		clientSecret: EMULATOR_DEFAULTS.clientSecret,
		jwt: EMULATOR_DEFAULTS.jwt,
	};
	return [
		{ ...CREDENTIALS.jwt, type: 'ringCentralJwtApi', data: jwtData },
		{ ...CREDENTIALS.jwtTokens, type: 'ringCentralJwtApi', data: jwtData },
		// Generic Header Auth, the way n8n's docs suggest passing a bearer token to the HTTP Request node.
		{ ...CREDENTIALS.bearer, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${bearerToken}` } },
	];
}

export type Variant = 'ringCentral' | 'httpRequest' | 'httpRetry' | 'httpBatching';

export const VARIANT_LABELS: Record<Variant, string> = {
	ringCentral: 'RingCentral node',
	httpRequest: 'HTTP Request',
	httpRetry: 'HTTP Request + Retry On Fail (3 tries, 1000 ms)',
	httpBatching: 'HTTP Request + Batching',
};

const TRIGGER = 'Manual Trigger';
const CODE = 'Generate items';

/** Unique texts per item so that losses and duplicates can be counted on the emulator. */
function codeNode(count: number, prefix: string) {
	const jsCode = [
		`const count = ${count};`,
		`return Array.from({ length: count }, (_, i) => ({ json: { phone: '+1415555' + String(1000 + (i % 9000)), text: '${prefix} ' + i } }));`,
	].join('\n');
	return { id: 'code', name: CODE, type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode } };
}

interface NodeOptions {
	credentialId?: keyof typeof CREDENTIALS;
	/** Throughput rows: a 429 or other failure becomes an error item instead of stopping the run. */
	continueOnFail?: boolean;
	/** HTTP Request's Options > Batching, set to match the rate limit. */
	batch?: { batchSize: number; batchInterval: number };
}

function nodeFor(variant: Variant, name: string, y: number, emulatorUrl: string, opts: NodeOptions): object {
	const position = [460, y];
	const onError = opts.continueOnFail ? { onError: 'continueRegularOutput' } : {};
	if (variant === 'ringCentral') {
		const credential = CREDENTIALS[opts.credentialId ?? 'jwt'];
		return {
			id: name,
			name,
			type: 'n8n-nodes-ringcentral.ringCentral',
			typeVersion: 1,
			position,
			parameters: {
				authentication: 'jwt',
				resource: 'sms',
				operation: 'send',
				from: { __rl: true, mode: 'list', value: SENDER },
				to: '={{ $json.phone }}',
				text: '={{ $json.text }}',
				options: {},
			},
			credentials: { ringCentralJwtApi: credential },
			...onError,
		};
	}
	const batching = variant === 'httpBatching' && opts.batch ? { batching: { batch: opts.batch } } : {};
	const retry = variant === 'httpRetry' ? { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 } : {};
	return {
		id: name,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		position,
		parameters: {
			method: 'POST',
			url: `${emulatorUrl}${SMS_PATH}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			// The JSON body with inline expressions, as typed into the editor's "Using JSON" field.
			jsonBody: `={\n  "from": { "phoneNumber": "${SENDER}" },\n  "to": [{ "phoneNumber": "{{ $json.phone }}" }],\n  "text": "{{ $json.text }}"\n}`,
			options: { ...batching },
		},
		credentials: { httpHeaderAuth: CREDENTIALS.bearer },
		...retry,
		...onError,
	};
}

export interface Target {
	name: string;
	variant: Variant;
}

/** Trigger → Code → every target in parallel branches; v1 order runs branches top to bottom. */
export function workflow(id: string, count: number, prefix: string, targets: Target[], emulatorUrl: string, opts: NodeOptions = {}): object {
	const nodes = [
		{ id: 'trigger', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		codeNode(count, prefix),
		...targets.map((t, i) => nodeFor(t.variant, t.name, i * 200, emulatorUrl, opts)),
	];
	return {
		id,
		name: `bench ${id}`,
		active: false,
		nodes,
		connections: {
			[TRIGGER]: { main: [[{ node: CODE, type: 'main', index: 0 }]] },
			[CODE]: { main: [targets.map((t) => ({ node: t.name, type: 'main', index: 0 }))] },
		},
		settings: { executionOrder: 'v1' },
	};
}
