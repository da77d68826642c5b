/**
 * RingCentral event filters for the chosen events and extensions, and the check that a
 * subscription still has them (https://developers.ringcentral.com/guide/notifications/event-filters).
 */
import { EVENTS } from './description';

/**
 * The instant message event: one notification with the whole message for each SMS or MMS an
 * extension receives (inbound only; https://developers.ringcentral.com/guide/notifications/event-filters/instant-message).
 */
export function instantSmsFilter(extensionId: string): string {
	return `/restapi/v1.0/account/~/extension/${extensionId}/message-store/instant?type=SMS`;
}

const INSTANT_SMS = /^\/restapi\/v1\.0\/account\/(~|\d+)\/extension\/(~|\d+)\/message-store\/instant\?type=SMS$/;

/** The filters one subscription needs for these events and extensions. */
export function eventFiltersFor(events: string[], extensionIds: string[]): string[] {
	return events.includes(EVENTS.inboundMessage) ? extensionIds.map(instantSmsFilter) : [];
}

/** The extension an instant message filter or event names ("~" or an ID); undefined for anything else. */
export function instantSmsExtension(filter: unknown): string | undefined {
	return typeof filter === 'string' ? INSTANT_SMS.exec(filter)?.[2] : undefined;
}

/**
 * Whether a subscription's filters are the wanted ones. RingCentral may show "~" replaced by the
 * IDs it stands for, so a wanted "~" matches whichever extension is left over; an ID must match.
 */
export function sameEventFilters(wanted: string[], actual: unknown): boolean {
	if (!Array.isArray(actual) || actual.length !== wanted.length) return false;
	const left = actual.map(instantSmsExtension);
	if (left.includes(undefined)) return false;
	for (const extension of wanted.map(instantSmsExtension).filter((id) => id !== '~')) {
		const index = left.indexOf(extension);
		if (index < 0) return false;
		left.splice(index, 1);
	}
	return left.length === wanted.filter((filter) => instantSmsExtension(filter) === '~').length;
}
