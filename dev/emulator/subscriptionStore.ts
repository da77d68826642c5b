// Webhook subscriptions as RingCentral keeps them: per user and app, Active or Blacklisted, gone
// when expired; plus the log of handshakes and deliveries, for tests to inspect.
import type { EmulatorState } from './routes';

/** Limits of POST /restapi/v1.0/subscription (createSubscription in RingCentral's API reference). */
export const SUBSCRIPTION_LIMITS = {
	/** "Subscriptions are currently limited to 30 subscriptions per user/extension (for particular application)". */
	perUserAndApp: 30,
	/** WebHook subscriptions live at most 315360000 s (10 years). */
	maxWebHookExpiresIn: 315_360_000,
	/** What RingCentral answered to a WebHook subscription created without expiresIn (604799 in its 2021 example). */
	defaultExpiresIn: 604_800,
};

export interface SubscriptionRecord {
	id: string;
	/** The extension of the token that created it. */
	ownerId: string;
	clientId: string;
	/** As stored: ~ replaced by the owner's account and extension ids. */
	eventFilters: string[];
	address: string;
	/** Sent as the Verification-Token header of every delivery; never returned by the API. */
	verificationToken?: string;
	expiresIn: number;
	creationTime: string;
	/** ms since epoch. */
	expiresAt: number;
	status: 'Active' | 'Blacklisted';
	blacklistedData?: { reason: string; blacklistedAt: string };
}

export interface HandshakeRecord {
	address: string;
	token: string;
	status: number | null;
	echoed?: string;
	bytes: number;
	ms: number;
	/** The errorCode the create request failed with, when it did. */
	failedWith?: string;
}

export interface DeliveryRecord {
	subscriptionId: string;
	address: string;
	/** The event's uuid. */
	uuid: string;
	/** When the POST left the emulator (ms since epoch). */
	sentAt: number;
	status: number | null;
	ms: number;
	/** The subscription was blacklisted because of this delivery. */
	blacklisted: boolean;
}

export class SubscriptionStore {
	readonly records = new Map<string, SubscriptionRecord>();
	readonly handshakes: HandshakeRecord[] = [];
	readonly deliveries: DeliveryRecord[] = [];

	/** Live subscriptions (expired ones are dropped, as RingCentral forgets them). */
	list(filter: { ownerId?: string; clientId?: string } = {}): SubscriptionRecord[] {
		const now = Date.now();
		for (const [id, record] of this.records) if (record.expiresAt <= now) this.records.delete(id);
		return [...this.records.values()].filter((r) => (!filter.ownerId || r.ownerId === filter.ownerId) && (!filter.clientId || r.clientId === filter.clientId));
	}

	get(id: string): SubscriptionRecord | undefined {
		return this.list().find((record) => record.id === id);
	}

	/** What RingCentral does after a failed delivery: the subscription is suspended for good. */
	blacklist(id: string, reason = 'Webhook delivery failed'): void {
		const record = this.records.get(id);
		if (!record) throw new Error(`no subscription ${id}`);
		record.status = 'Blacklisted';
		record.blacklistedData = { reason, blacklistedAt: new Date().toISOString() };
	}

	/** Lets a subscription run out now. */
	expire(id: string): void {
		const record = this.records.get(id);
		if (!record) throw new Error(`no subscription ${id}`);
		record.expiresAt = Date.now() - 1;
	}

	/** Removes one behind the client's back, as if deleted elsewhere. */
	remove(id: string): void {
		this.records.delete(id);
	}

	clear(): void {
		this.records.clear();
		this.handshakes.length = 0;
		this.deliveries.length = 0;
	}
}

const stores = new WeakMap<EmulatorState, SubscriptionStore>();

export function subscriptionsOf(state: EmulatorState): SubscriptionStore {
	let store = stores.get(state);
	if (!store) {
		store = new SubscriptionStore();
		stores.set(state, store);
	}
	return store;
}

/** SubscriptionInfo of RingCentral's API reference; the verification token is write-only. */
export function subscriptionInfo(state: EmulatorState, record: SubscriptionRecord): Record<string, unknown> {
	const info: Record<string, unknown> = {
		uri: `${state.url}/restapi/v1.0/subscription/${record.id}`,
		id: record.id,
		creationTime: record.creationTime,
		status: record.status,
		eventFilters: [...record.eventFilters],
		expirationTime: new Date(record.expiresAt).toISOString(),
		expiresIn: Math.max(0, Math.round((record.expiresAt - Date.now()) / 1000)),
		deliveryMode: { transportType: 'WebHook', address: record.address, encryption: false },
	};
	if (record.blacklistedData) info.blacklistedData = { ...record.blacklistedData };
	return info;
}
