/**
 * The trigger's RingCentral WebHook subscription through its life: n8n calls checkExists and create
 * on activation (and for "Listen for test event", with the test URL), delete on deactivation.
 * https://developers.ringcentral.com/guide/notifications/webhooks/creating-webhooks
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isLoopbackHost } from '../../../credentials/common/ringcentral/server';
import { ENDPOINTS, ringCentralJson, ringCentralRequest } from '../transport';
import { eventFiltersFor, sameEventFilters } from './eventFilters';
import { HOOK_POLICY, readTriggerOptions, triggerCredentialType } from './options';
import { clearState, newVerificationToken, readState, saveState } from './state';

/**
 * RingCentral's maximum for WebHook subscriptions (10 years). n8n gives a webhook trigger no timer
 * to renew with, so a shorter life would end the trigger silently; a subscription left behind is
 * blacklisted by RingCentral at its first failed delivery, and checkExists replaces dead ones.
 */
export const WEBHOOK_LIFETIME_SECONDS = 315_360_000;

interface Wanted {
	credentialType: string;
	eventFilters: string[];
	address: string;
}

/** What the subscription must look like; throws a clear error (nothing sent) when a parameter or the URL is unusable. */
function wanted(context: IHookFunctions): Wanted {
	const options = readTriggerOptions(context);
	const address = context.getNodeWebhookUrl('default') ?? '';
	const url = URL.canParse(address) ? new URL(address) : undefined;
	if (!url || (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))) {
		throw new NodeOperationError(context.getNode(), `n8n's webhook URL "${address}" cannot receive RingCentral events: RingCentral delivers only to public https:// addresses`, {
			description: "Set n8n's WEBHOOK_URL environment variable to the public https:// address of this n8n (a tunnel for a local n8n), then activate the workflow again.",
		});
	}
	return { credentialType: triggerCredentialType(context), eventFilters: eventFiltersFor(options.events, options.extensionIds), address };
}

const GONE = Symbol('gone');

/** The answer, or GONE when RingCentral says the subscription does not exist (404); other errors (already NodeApiErrors) pass on. */
async function unlessGone<T>(request: Promise<T>): Promise<T | typeof GONE> {
	return await request.then(
		(value) => value,
		(error: unknown) => (String((error as { httpCode?: unknown }).httpCode) === '404' ? GONE : Promise.reject(error)),
	);
}

/** DELETE, with "already gone" (404) as success; other failures are thrown. */
async function deleteSubscription(context: IHookFunctions, credentialType: string, subscriptionId: string): Promise<void> {
	await unlessGone(ringCentralRequest.call(context, credentialType, { endpoint: ENDPOINTS.deleteSubscription, params: { subscriptionId }, policy: HOOK_POLICY }));
}

/** Why the recorded subscription cannot serve, or undefined when it can. */
function unusable(info: IDataObject, want: Wanted, recordedAddress: string): string | undefined {
	if (info.status !== 'Active') return `it is ${String(info.status)}${(info.blacklistedData as IDataObject | undefined)?.reason ? ` (${String((info.blacklistedData as IDataObject).reason)})` : ''}`;
	if (typeof info.expirationTime === 'string' && Date.parse(info.expirationTime) <= Date.now()) return 'it has expired';
	const address = (info.deliveryMode as IDataObject | undefined)?.address;
	if (address !== want.address || recordedAddress !== want.address) return `it delivers to ${String(address)}, not to ${want.address}`;
	if (!sameEventFilters(want.eventFilters, info.eventFilters)) return 'its events or extensions differ from the node\'s';
	return undefined;
}

/**
 * True when this node's recorded subscription is alive and delivers what the node wants to its
 * current URL. One that is missing, expired, Blacklisted, pointing at another URL or listening to
 * other extensions is deleted (if still there) and forgotten, so n8n calls create.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const want = wanted(this);
	const state = readState(this);
	if (!state) return false;
	const info = await unlessGone(ringCentralJson.call(this, want.credentialType, { endpoint: ENDPOINTS.getSubscription, params: { subscriptionId: state.subscriptionId }, policy: HOOK_POLICY }));
	if (info === GONE) {
		clearState(this);
		return false;
	}
	const reason = unusable(info, want, state.address);
	if (reason === undefined) return true;
	this.logger.info(`RingCentral Trigger: replacing subscription ${state.subscriptionId}: ${reason}`);
	// It is this node's own (the record says so): left alive it would keep sending texts to an address n8n no longer serves.
	await deleteSubscription(this, want.credentialType, state.subscriptionId).catch((error: Error) =>
		this.logger.warn(`RingCentral Trigger: could not delete subscription ${state.subscriptionId}: ${error.message}`),
	);
	clearState(this);
	return false;
}

/**
 * Subscribes the webhook URL to the node's events with a new random verification token. Leftovers
 * delivering to the same URL (an earlier create whose answer was lost, static data lost) are
 * deleted first: n8n serves one node per URL, so they can only be this node's.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	const want = wanted(this);
	const list = await ringCentralJson.call(this, want.credentialType, { endpoint: ENDPOINTS.listSubscriptions, policy: HOOK_POLICY });
	const records = Array.isArray(list.records) ? (list.records as IDataObject[]) : [];
	for (const record of records) {
		if ((record.deliveryMode as IDataObject | undefined)?.address === want.address && typeof record.id === 'string') {
			await deleteSubscription(this, want.credentialType, record.id);
		}
	}
	const { token, tokenHash } = newVerificationToken();
	const info = await ringCentralJson.call(this, want.credentialType, {
		endpoint: ENDPOINTS.createSubscription,
		body: {
			eventFilters: want.eventFilters,
			deliveryMode: { transportType: 'WebHook', address: want.address, verificationToken: token },
			expiresIn: WEBHOOK_LIFETIME_SECONDS,
		},
		about: `subscription of ${want.address}`,
		policy: HOOK_POLICY,
	});
	if (typeof info.id !== 'string' || info.id === '') throw new NodeOperationError(this.getNode(), 'RingCentral created the subscription but gave no ID', { description: 'Activate the workflow again.' });
	saveState(this, { subscriptionId: info.id, tokenHash, address: want.address });
	return true;
}

/**
 * Ends the subscription (one already gone counts as ended). On another failure the record is
 * kept, so the next activation finds and reuses the subscription instead of leaving it behind.
 */
async function deleteHook(this: IHookFunctions): Promise<boolean> {
	const state = readState(this);
	if (!state) return true;
	try {
		await deleteSubscription(this, triggerCredentialType(this), state.subscriptionId);
	} catch (error) {
		this.logger.warn(`RingCentral Trigger: could not delete subscription ${state.subscriptionId}: ${(error as Error).message}`);
		return false;
	}
	clearState(this);
	return true;
}

export { deleteHook as delete };
