// GET .../message-store: the filters of RingCentral's listMessages (repeatable messageType, direction,
// readStatus; dateFrom defaulting to 24 hours before dateTo), newest first, page by page.
import { ApiError } from './errors';
import { checkAccountPath } from './account';
import { refreshStatus } from './messageStatus';
import type { HandlerResult, RequestContext } from './routes';
import type { MessageInfo } from './types';

const MAX_PER_PAGE = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const ALLOWED: Record<string, string[]> = {
	messageType: ['Fax', 'SMS', 'VoiceMail', 'Pager'],
	direction: ['Inbound', 'Outbound'],
	readStatus: ['Read', 'Unread'],
	availability: ['Alive', 'Deleted', 'Purged'],
};

function invalid(name: string): ApiError {
	return new ApiError(400, 'CMN-101', `Parameter [${name}] value is invalid.`, { parameterName: name });
}

/** A repeatable enum parameter (messageType=SMS&messageType=Fax); empty means any. */
function values(ctx: RequestContext, name: string): string[] {
	const given = ctx.query.getAll(name);
	for (const value of given) if (!ALLOWED[name].includes(value)) throw invalid(name);
	return given;
}

function date(ctx: RequestContext, name: string): number | undefined {
	const raw = ctx.query.get(name);
	if (raw === null || raw === '') return undefined;
	const time = Date.parse(raw);
	if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(time)) throw invalid(name);
	return time;
}

function positiveInt(ctx: RequestContext, name: string, fallback: number, max: number): number {
	const raw = ctx.query.get(name);
	if (raw === null || raw === '') return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw invalid(name);
	return Number(raw);
}

const digits = (phoneNumber: string) => phoneNumber.replace(/\D/g, '');

function matches(info: MessageInfo, filters: ReturnType<typeof readFilters>): boolean {
	const created = Date.parse(info.creationTime);
	if (created < filters.dateFrom || created > filters.dateTo) return false;
	if (filters.types.length && !filters.types.includes(info.type)) return false;
	if (filters.directions.length && !filters.directions.includes(info.direction)) return false;
	if (filters.readStatuses.length && !filters.readStatuses.includes(info.readStatus)) return false;
	if (!filters.availability.includes(info.availability)) return false;
	if (filters.conversationId !== undefined && String(info.conversationId) !== filters.conversationId) return false;
	if (filters.phoneNumber !== undefined) {
		const numbers = [info.from.phoneNumber, ...info.to.map((to) => to.phoneNumber)].map(digits);
		if (!numbers.includes(filters.phoneNumber)) return false;
	}
	return true;
}

function readFilters(ctx: RequestContext) {
	const dateTo = date(ctx, 'dateTo') ?? Date.now();
	const conversationId = ctx.query.get('conversationId') ?? undefined;
	if (conversationId !== undefined && !/^\d{1,20}$/.test(conversationId)) throw invalid('conversationId');
	const phoneNumber = ctx.query.get('phoneNumber') ?? undefined;
	if (phoneNumber !== undefined && !/^\+?\d{3,15}$/.test(phoneNumber)) throw invalid('phoneNumber');
	const availability = values(ctx, 'availability');
	return {
		dateTo,
		dateFrom: date(ctx, 'dateFrom') ?? dateTo - DAY_MS,
		types: values(ctx, 'messageType'),
		directions: values(ctx, 'direction'),
		readStatuses: values(ctx, 'readStatus'),
		availability: availability.length ? availability : ['Alive'],
		conversationId,
		phoneNumber: phoneNumber === undefined ? undefined : digits(phoneNumber),
	};
}

/**
 * RingCentral's GetMessageList: records newest first, `paging` without totalPages/totalElements
 * (which RingCentral may omit "due to performance reasons"), `navigation.nextPage` while more follow.
 */
export function listMessages(ctx: RequestContext): HandlerResult {
	checkAccountPath(ctx);
	const filters = readFilters(ctx);
	const page = positiveInt(ctx, 'page', 1, Number.MAX_SAFE_INTEGER);
	const perPage = positiveInt(ctx, 'perPage', 100, MAX_PER_PAGE);
	const options = ctx.state.options.messageStore;
	const all = ctx.state.messages
		.map((stored) => refreshStatus(options, stored))
		.filter((info) => matches(info, filters))
		.sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime) || b.id - a.id);
	const start = (page - 1) * perPage;
	const records = all.slice(start, start + perPage);

	const query = new URLSearchParams(ctx.query);
	const pageUri = (p: number) => {
		query.set('page', String(p));
		query.set('perPage', String(perPage));
		return { uri: `${ctx.state.url}${ctx.pathname}?${query}` };
	};
	const navigation: Record<string, { uri: string }> = { firstPage: pageUri(1) };
	if (start + perPage < all.length) navigation.nextPage = pageUri(page + 1);
	if (page > 1) navigation.previousPage = pageUri(page - 1);
	const paging: Record<string, number> = { page, perPage };
	if (records.length > 0) {
		paging.pageStart = start;
		paging.pageEnd = start + records.length - 1;
	}
	return { status: 200, body: { uri: pageUri(page).uri, records, paging, navigation } };
}
