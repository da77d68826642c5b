// /restapi/v1.0/subscription: create (with the validation handshake), read, list, update, renew and
// delete WebHook subscriptions, with RingCentral's limits and error codes.
import { randomUUID } from 'node:crypto';
import { ApiError, invalidParameter } from './errors';
import type { HandlerResult, RequestContext, Route } from './routes';
import { SUBSCRIPTION_LIMITS, subscriptionInfo, subscriptionsOf, type SubscriptionRecord } from './subscriptionStore';
import { acceptedAddress, postToWebhook, WEBHOOK_LIMITS } from './webhookCalls';

/** The instant message event filter (https://developers.ringcentral.com/guide/notifications/event-filters/instant-message). */
const INSTANT_SMS = /^\/restapi\/v1\.0\/account\/(~|\d+)\/extension\/(~|\d+)\/message-store\/instant\?type=SMS$/;

function jsonBody(ctx: RequestContext): Record<string, unknown> {
	if (ctx.body.raw.length === 0) return {};
	if (ctx.body.jsonError || ctx.body.json === undefined) throw new ApiError(400, 'CMN-103', "JSON can't be parsed.");
	const json = ctx.body.json;
	return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}

/** Each filter checked and stored as RingCentral shows it: ~ replaced by the ids it stands for. */
function eventFiltersOf(ctx: RequestContext, value: unknown): string[] {
	if (!Array.isArray(value) || value.length === 0) throw invalidParameter('eventFilters');
	const { accountId } = ctx.state.options;
	return [
		...new Set(
			value.map((filter) => {
				const match = typeof filter === 'string' ? INSTANT_SMS.exec(filter) : null;
				if (!match || (match[1] !== '~' && match[1] !== accountId)) throw invalidParameter('eventFilters');
				const extensionId = match[2] === '~' ? ctx.token!.ownerId : match[2];
				return `/restapi/v1.0/account/${accountId}/extension/${extensionId}/message-store/instant?type=SMS`;
			}),
		),
	];
}

function expiresInOf(value: unknown): number {
	if (value === undefined || value === null) return SUBSCRIPTION_LIMITS.defaultExpiresIn;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > SUBSCRIPTION_LIMITS.maxWebHookExpiresIn) throw invalidParameter('expiresIn');
	return value;
}

/** RingCentral's test request to a new webhook; throws the error the create request then gets. */
async function handshake(ctx: RequestContext, address: string): Promise<void> {
	const token = randomUUID();
	const answer = await postToWebhook(address, { 'Validation-Token': token, 'Content-Type': 'application/json' });
	const echoed = answer.headers['validation-token'];
	let failure: ApiError | undefined;
	if (answer.status === null) failure = new ApiError(400, 'SUB-521', 'WebHook is not reachable');
	else if (answer.status !== 200 || answer.bytes > WEBHOOK_LIMITS.maxAnswerBytes) failure = new ApiError(400, 'SUB-525', 'WebHook server response is invalid');
	else if (echoed !== token) failure = new ApiError(400, 'SUB-520', 'Validation Token is not returned');
	subscriptionsOf(ctx.state).handshakes.push({ address, token, status: answer.status, echoed, bytes: answer.bytes, ms: answer.ms, failedWith: failure?.errorCode });
	if (failure) throw failure;
}

async function create(ctx: RequestContext): Promise<HandlerResult> {
	const body = jsonBody(ctx);
	const eventFilters = eventFiltersOf(ctx, body.eventFilters);
	const mode = (body.deliveryMode ?? {}) as Record<string, unknown>;
	if (mode.transportType !== 'WebHook') throw invalidParameter('deliveryMode.transportType');
	const address = typeof mode.address === 'string' ? mode.address : '';
	const accepted = acceptedAddress(address);
	if (accepted === 'invalid') throw invalidParameter('deliveryMode.address');
	if (accepted === 'notHttps') throw new ApiError(400, 'SUB-523', 'HTTPS is required', { parameterName: 'deliveryMode.address' });
	if (mode.verificationToken !== undefined && typeof mode.verificationToken !== 'string') throw invalidParameter('deliveryMode.verificationToken');
	const expiresIn = expiresInOf(body.expiresIn);
	const store = subscriptionsOf(ctx.state);
	const { ownerId, clientId } = ctx.token!;
	if (store.list({ ownerId, clientId }).length >= SUBSCRIPTION_LIMITS.perUserAndApp) throw new ApiError(403, 'SUB-505', 'Subscriptions limit exceeded');
	await handshake(ctx, address);
	const record: SubscriptionRecord = {
		id: randomUUID(),
		ownerId,
		clientId,
		eventFilters,
		address,
		expiresIn,
		creationTime: new Date().toISOString(),
		expiresAt: Date.now() + expiresIn * 1000,
		status: 'Active',
	};
	if (typeof mode.verificationToken === 'string' && mode.verificationToken !== '') record.verificationToken = mode.verificationToken;
	store.records.set(record.id, record);
	return { status: 200, body: subscriptionInfo(ctx.state, record) };
}

/** The caller's own subscription (same user and app), or 404. */
function own(ctx: RequestContext): SubscriptionRecord {
	const record = subscriptionsOf(ctx.state).get(ctx.params.subscriptionId);
	if (!record || record.ownerId !== ctx.token!.ownerId || record.clientId !== ctx.token!.clientId) {
		throw new ApiError(404, 'CMN-102', 'Resource for parameter [subscriptionId] is not found', { parameterName: 'subscriptionId' });
	}
	return record;
}

function renewed(record: SubscriptionRecord, expiresIn = record.expiresIn): SubscriptionRecord {
	record.expiresIn = expiresIn;
	record.expiresAt = Date.now() + expiresIn * 1000;
	return record;
}

function list(ctx: RequestContext): HandlerResult {
	const records = subscriptionsOf(ctx.state).list({ ownerId: ctx.token!.ownerId, clientId: ctx.token!.clientId });
	return { status: 200, body: { uri: `${ctx.state.url}/restapi/v1.0/subscription`, records: records.map((r) => subscriptionInfo(ctx.state, r)) } };
}

/** PUT: new filters and/or lifetime; an empty body just renews. */
function update(ctx: RequestContext): HandlerResult {
	const record = own(ctx);
	const body = jsonBody(ctx);
	if (body.eventFilters !== undefined) record.eventFilters = eventFiltersOf(ctx, body.eventFilters);
	return { status: 200, body: subscriptionInfo(ctx.state, renewed(record, body.expiresIn === undefined ? record.expiresIn : expiresInOf(body.expiresIn))) };
}

function remove(ctx: RequestContext): HandlerResult {
	subscriptionsOf(ctx.state).remove(own(ctx).id);
	return { status: 204 };
}

const ONE = '/restapi/v1.0/subscription/:subscriptionId';

/** Groups from RingCentral's API reference (x-throttling-group). */
export const subscriptionRoutes: Route[] = [
	{ method: 'POST', pattern: '/restapi/v1.0/subscription', group: 'Medium', auth: 'bearer', handler: create },
	{ method: 'GET', pattern: '/restapi/v1.0/subscription', group: 'Light', auth: 'bearer', handler: list },
	{ method: 'GET', pattern: ONE, group: 'Light', auth: 'bearer', handler: (ctx) => ({ status: 200, body: subscriptionInfo(ctx.state, own(ctx)) }) },
	{ method: 'PUT', pattern: ONE, group: 'Medium', auth: 'bearer', handler: update },
	{ method: 'POST', pattern: `${ONE}/renew`, group: 'Light', auth: 'bearer', handler: (ctx) => ({ status: 200, body: subscriptionInfo(ctx.state, renewed(own(ctx))) }) },
	{ method: 'DELETE', pattern: ONE, group: 'Medium', auth: 'bearer', handler: remove },
];
