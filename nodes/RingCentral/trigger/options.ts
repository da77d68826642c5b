/** The trigger's parameters read and checked, the same in activation hooks and the webhook. */
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { DEFAULT_COUNTRY } from '../helpers/countries';
import { splitRecipients, toE164 } from '../helpers/phoneNumbers';
import { invalidField, parsePathId } from '../helpers/validation';
import { credentialTypeFor, DEFAULT_POLICY, type RequestPolicy } from '../transport';
import { EVENTS } from './description';

export type TriggerContext = IHookFunctions | IWebhookFunctions;

export interface TriggerOptions {
	events: string[];
	/** "~" or numeric extension IDs, no repeats. */
	extensionIds: string[];
	/** E.164; empty: any of the user's numbers. */
	onlyToNumbers: string[];
	downloadAttachments: boolean;
	binaryPropertyPrefix: string;
}

/** Activation waits less than an item would: n8n shows the workflow as activating meanwhile. */
export const HOOK_POLICY: RequestPolicy = { ...DEFAULT_POLICY, maxRateLimitWaitMs: 60_000, timeoutMs: 30_000 };

export function triggerCredentialType(context: TriggerContext): string {
	return credentialTypeFor(context.getNodeParameter('authentication', 'jwt'));
}

/** Throws a NodeOperationError naming the field and value, before any request, when one is wrong. */
export function readTriggerOptions(context: TriggerContext): TriggerOptions {
	const node = context.getNode();
	const events = context.getNodeParameter('events', []) as string[];
	const known = Object.values(EVENTS) as string[];
	if (!Array.isArray(events) || events.length === 0 || events.some((event) => !known.includes(event))) {
		throw invalidField(node, undefined, 'Events', events, 'pick at least one of the listed events', 'Select Inbound Message in Events.');
	}
	const options = context.getNodeParameter('options', {}) as Record<string, unknown>;
	const extensions = String(options.extensionIds ?? '~').split(',').map((entry) => entry.trim()).filter(Boolean);
	const extensionIds = [...new Set((extensions.length ? extensions : ['~']).map((id) => parsePathId(node, undefined, 'Extension ID', id)))];
	const onlyToNumbers = splitRecipients(options.onlyToNumbers ?? '').map((entry) => {
		const result = toE164(String(entry), DEFAULT_COUNTRY);
		if ('problem' in result) throw invalidField(node, undefined, 'Only To These Numbers', entry, result.problem, 'Write each of your numbers in E.164, e.g. +16505550100, separated by commas.');
		return result.e164;
	});
	const prefix = String(options.binaryPropertyPrefix ?? 'attachment_').trim();
	if (!/^[^\s]{1,64}$/.test(prefix)) {
		throw invalidField(node, undefined, 'Binary Field Prefix', options.binaryPropertyPrefix, 'it must be 1 to 64 characters without spaces', 'Use a name such as attachment_ (the files become attachment_0, attachment_1, …).');
	}
	return { events, extensionIds, onlyToNumbers, downloadAttachments: options.downloadAttachments !== false, binaryPropertyPrefix: prefix };
}
