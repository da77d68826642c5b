/**
 * The queue-mode suite's workflow and load: a webhook whose body lists messages, Split Out, and the
 * RingCentral node sending one SMS per item; POSTed many times at once, as a CRM or a campaign tool
 * would. Recipients are unique per message, so "exactly once" is one stored message per recipient.
 */
import { JWT_CREDENTIAL, NODE_TYPE, type WorkflowJson } from '../n8n/examples';

export const SENDER = '+16505550100';

export interface SmsRequest {
	to: string;
	text: string;
}

/**
 * Webhook (POST /webhook/<path>, body {messages: [{to, text}]}) → Split Out → Send SMS.
 * `respond`: 'lastNode' answers with the sent messages once the execution finished (on a worker);
 * 'onReceived' answers at once.
 */
export function smsFromWebhook(id: string, webhookPath: string, respond: 'lastNode' | 'onReceived' = 'lastNode'): WorkflowJson {
	return {
		id,
		name: `Queue mode: SMS from a webhook (${webhookPath})`,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: `${id}-webhook-id`,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: respond, responseData: 'allEntries', options: {} },
			},
			{
				id: `${id}-split`,
				name: 'One Item per Message',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.messages', options: {} },
			},
			{
				id: `${id}-send`,
				name: 'Send SMS',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'sms',
					operation: 'send',
					from: { __rl: true, mode: 'list', value: SENDER },
					to: '={{ $json.to }}',
					text: '={{ $json.text }}',
					options: {},
				},
				credentials: { [JWT_CREDENTIAL.type]: { id: JWT_CREDENTIAL.id, name: JWT_CREDENTIAL.name } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'One Item per Message', type: 'main', index: 0 }]] },
			'One Item per Message': { main: [[{ node: 'Send SMS', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** `count` messages to distinct numbers +1415555<first…>, texts naming the run and the item. */
export function messages(run: string, count: number, first: number): SmsRequest[] {
	return Array.from({ length: count }, (_, item) => ({
		to: `+1415555${String(first + item).padStart(4, '0')}`,
		text: `${run} message ${item + 1} of ${count}`,
	}));
}

export interface PostResult {
	status: number;
	body: unknown;
	ms: number;
}

/** POSTs every body at once to the production webhook; resolves when all answered. */
export async function postAll(url: string, bodies: object[], timeoutMs = 600_000): Promise<PostResult[]> {
	return await Promise.all(
		bodies.map(async (body) => {
			const started = Date.now();
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs),
			});
			const text = await res.text();
			let parsed: unknown = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				// not JSON
			}
			return { status: res.status, body: parsed, ms: Date.now() - started };
		}),
	);
}
