// Extension info and the extension's phone-number list (RingCentral's paged shape).
import { ApiError } from './errors';
import type { RequestContext, Route } from './routes';
import type { PhoneNumberFixture } from './types';

const MAX_PER_PAGE = 1000;

/** '~' or the configured ids; anything else is another (unknown) account/extension. */
export function checkAccountPath(ctx: RequestContext): { accountId: string; extensionId?: string } {
	const { accountId, extensionId } = ctx.state.options;
	const a = ctx.params.accountId;
	if (a !== '~' && a !== accountId) {
		throw new ApiError(404, 'CMN-102', 'Resource for parameter [accountId] is not found', { parameterName: 'accountId' });
	}
	const e = ctx.params.extensionId;
	if (e !== undefined && e !== '~' && e !== extensionId) {
		throw new ApiError(404, 'CMN-102', 'Resource for parameter [extensionId] is not found', {
			parameterName: 'extensionId',
		});
	}
	return { accountId, extensionId: e === undefined ? undefined : extensionId };
}

export function accountUri(ctx: RequestContext): string {
	return `${ctx.state.url}/restapi/v1.0/account/${ctx.state.options.accountId}`;
}

export function extensionUri(ctx: RequestContext): string {
	return `${accountUri(ctx)}/extension/${ctx.state.options.extensionId}`;
}

/** RingCentral ids are int64; keep non-numeric fixture ids as strings. */
function numericId(id: string): number | string {
	return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

function extensionInfo(ctx: RequestContext) {
	checkAccountPath(ctx);
	const { accountId, extensionId } = ctx.state.options;
	return {
		status: 200,
		body: {
			id: numericId(extensionId),
			uri: extensionUri(ctx),
			extensionNumber: '101',
			name: 'Emulator User',
			type: 'User',
			status: 'Enabled',
			account: { id: accountId, uri: accountUri(ctx) },
		},
	};
}

function positiveInt(ctx: RequestContext, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
	const raw = ctx.query.get(name);
	if (raw === null || raw === '') return fallback;
	if (name === 'perPage' && raw === 'max') return MAX_PER_PAGE; // used by the JS SDK README
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
		throw new ApiError(400, 'CMN-101', `Parameter [${name}] value is invalid.`, { parameterName: name });
	}
	return Number(raw);
}

function phoneNumberRecord(ctx: RequestContext, fixture: PhoneNumberFixture) {
	const record: Record<string, unknown> = {
		uri: `${accountUri(ctx)}/phone-number/${fixture.id}`,
		id: numericId(fixture.id),
		phoneNumber: fixture.phoneNumber,
		paymentType: fixture.paymentType,
		type: fixture.type,
		usageType: fixture.usageType,
		status: 'Normal',
		features: [...fixture.features],
		country: { id: '1', uri: `${ctx.state.url}/restapi/v1.0/dictionary/country/1`, name: 'United States' },
	};
	if (fixture.label !== undefined) record.label = fixture.label;
	return record;
}

function listPhoneNumbers(ctx: RequestContext) {
	checkAccountPath(ctx);
	const page = positiveInt(ctx, 'page', 1);
	const perPage = positiveInt(ctx, 'perPage', ctx.state.options.phoneNumbersPerPage, MAX_PER_PAGE);
	const usageTypes = ctx.query.getAll('usageType');
	const all = ctx.state.options.phoneNumbers.filter((n) => usageTypes.length === 0 || usageTypes.includes(n.usageType));
	const totalPages = Math.max(1, Math.ceil(all.length / perPage));
	const start = (page - 1) * perPage;
	const records = all.slice(start, start + perPage).map((n) => phoneNumberRecord(ctx, n));

	const base = `${ctx.state.url}${ctx.pathname}`;
	const pageUri = (p: number) => ({ uri: `${base}?page=${p}&perPage=${perPage}` });
	const navigation: Record<string, { uri: string }> = { firstPage: pageUri(1) };
	if (page < totalPages) navigation.nextPage = pageUri(page + 1);
	if (page > 1) navigation.previousPage = pageUri(Math.min(page - 1, totalPages));
	navigation.lastPage = pageUri(totalPages);

	const paging: Record<string, number> = { page, perPage, totalPages, totalElements: all.length };
	if (records.length > 0) {
		// Zero-based indices of the first and last record on this page.
		paging.pageStart = start;
		paging.pageEnd = start + records.length - 1;
	}
	return { status: 200, body: { uri: `${base}?page=${page}&perPage=${perPage}`, records, paging, navigation } };
}

export const accountRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/restapi/v1.0/account/:accountId/extension/:extensionId',
		group: 'Light',
		auth: 'bearer',
		handler: extensionInfo,
	},
	{
		method: 'GET',
		pattern: '/restapi/v1.0/account/:accountId/extension/:extensionId/phone-number',
		group: 'Light',
		auth: 'bearer',
		handler: listPhoneNumbers,
	},
];
