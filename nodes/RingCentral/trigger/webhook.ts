/**
 * RingCentral's requests to the trigger's URL: the validation handshake, and events, each checked
 * (verification token, subscription) before anything starts. An event becomes one item: the
 * message as RingCentral describes it, `text` beside `subject`, and the MMS files as binary data.
 */
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DEFAULT_COUNTRY } from '../helpers/countries';
import { keyFieldsFirst } from '../helpers/messageInfo';
import { toE164 } from '../helpers/phoneNumbers';
import { downloadAttachments } from './attachments';
import { instantSmsExtension } from './eventFilters';
import { readTriggerOptions, triggerCredentialType, type TriggerOptions } from './options';
import { readState, tokenMatches } from './state';

/** Printable, short: the echo must keep the answer under RingCentral's 1024 bytes. */
const VALIDATION_TOKEN = /^[\x21-\x7e]{1,256}$/;

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

/** Answers by hand with an empty body, so that n8n adds nothing. */
function answer(response: Response, status: number, validationToken?: string): IWebhookResponseData {
	response.statusCode = status;
	if (validationToken) response.setHeader('Validation-Token', validationToken);
	// RingCentral's webhook guide asks for a JSON content type, even with an empty body.
	response.setHeader('Content-Type', 'application/json');
	response.end();
	return { noWebhookResponse: true };
}

/** Sent to one of these numbers (the user's own recipients: `target` marks them in a group MMS). */
function sentTo(message: IDataObject, numbers: string[]): boolean {
	if (numbers.length === 0) return true;
	const to = (Array.isArray(message.to) ? message.to : []) as IDataObject[];
	const own = to.some((recipient) => recipient?.target === true) ? to.filter((recipient) => recipient?.target === true) : to;
	return own.some((recipient) => {
		const number = toE164(String(recipient?.phoneNumber ?? ''), DEFAULT_COUNTRY);
		return 'e164' in number && numbers.includes(number.e164);
	});
}

async function messageItem(context: IWebhookFunctions, message: IDataObject, options: TriggerOptions): Promise<INodeExecutionData> {
	const json: IDataObject = keyFieldsFirst({ ...message, text: typeof message.subject === 'string' ? message.subject : '' });
	if (!options.downloadAttachments || !Array.isArray(message.attachments)) return { json };
	const { attachments, binary } = await downloadAttachments(context, triggerCredentialType(context), message.attachments, options.binaryPropertyPrefix);
	json.attachments = attachments;
	return Object.keys(binary).length > 0 ? { json, binary } : { json };
}

/**
 * A request that is neither the handshake nor an event of this node's subscription (token and
 * subscription ID) gets 403 and starts nothing: a forger learns nothing, and a stale subscription
 * that still delivers here (one whose deletion failed) is blacklisted by RingCentral and stops.
 */
export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const headers = this.getHeaderData();
	const response = this.getResponseObject();
	const validation = headers['validation-token'];
	if (validation !== undefined) {
		return typeof validation === 'string' && VALIDATION_TOKEN.test(validation) ? answer(response, 200, validation) : answer(response, 400);
	}
	const event = this.getBodyData();
	const state = readState(this);
	if (!state || !tokenMatches(headers['verification-token'], state.tokenHash) || event.subscriptionId !== state.subscriptionId) {
		return answer(response, 403);
	}
	// At once, before any download: RingCentral blacklists a subscription whose delivery fails or lags.
	answer(response, 200);
	const message = event.body;
	if (instantSmsExtension(event.event) === undefined || typeof message !== 'object' || message === null || Array.isArray(message)) {
		return { noWebhookResponse: true };
	}
	const options = readTriggerOptions(this);
	if (!sentTo(message as IDataObject, options.onlyToNumbers)) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [[await messageItem(this, message as IDataObject, options)]] };
}
