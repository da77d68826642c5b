// The extension's phone-number list: RingCentral's paging, the fixture numbers, page size.
import { useEmulator } from '../../dev/harness/lifecycle';
import { DEFAULT_PHONE_NUMBERS, RingCentralEmulator } from '../../dev/emulator';
import { call, login } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('phone-number list', () => {
	const listPath = '/restapi/v1.0/account/~/extension/~/phone-number';

	it('pages with RingCentral paging and navigation', async () => {
		const seen: string[] = [];
		let next: string | undefined = `${emu.url}${listPath}?perPage=3`;
		let pages = 0;
		while (next) {
			const reply = await call(emu, next.slice(emu.url.length), { headers: { Authorization: `Bearer ${token}` } });
			expect(reply.status).toBe(200);
			pages++;
			expect(reply.json.paging).toMatchObject({ page: pages, perPage: 3, totalPages: 3, totalElements: DEFAULT_PHONE_NUMBERS.length });
			expect(reply.json.navigation.firstPage.uri).toContain('page=1');
			expect(reply.json.navigation.lastPage.uri).toContain('page=3');
			if (pages > 1) expect(reply.json.navigation.previousPage.uri).toContain(`page=${pages - 1}`);
			for (const record of reply.json.records) {
				expect(record).toMatchObject({ status: 'Normal', country: { id: '1', name: 'United States' } });
				seen.push(record.phoneNumber);
			}
			next = reply.json.navigation.nextPage?.uri;
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(DEFAULT_PHONE_NUMBERS.map((n) => n.phoneNumber));
		expect(emu.requests({ path: listPath }).every((e) => e.group === 'Light')).toBe(true);
	});

	it('has the fixture numbers the node relies on', () => {
		const byNumber = Object.fromEntries(DEFAULT_PHONE_NUMBERS.map((n) => [n.phoneNumber, n.features]));
		expect(DEFAULT_PHONE_NUMBERS[0].phoneNumber).toBe('+16505550100');
		expect(byNumber['+16505550100']).toEqual(['CallerId', 'SmsSender', 'MmsSender', 'InternationalSmsSender']);
		expect(byNumber['+18885550100']).toEqual(['CallerId', 'SmsSender']);
		expect(byNumber['+16505550101']).toEqual(['CallerId']);
		expect(DEFAULT_PHONE_NUMBERS.some((n) => n.type === 'FaxOnly')).toBe(true);
		expect(DEFAULT_PHONE_NUMBERS.filter((n) => n.features.includes('MmsSender')).length).toBeGreaterThanOrEqual(2);
		// High Volume numbers have A2PSmsSender and never SmsSender.
		const a2p = DEFAULT_PHONE_NUMBERS.filter((n) => n.features.includes('A2PSmsSender'));
		expect(a2p.map((n) => n.paymentType)).toEqual(['Local', 'TollFree']);
		expect(a2p.every((n) => !n.features.includes('SmsSender'))).toBe(true);
	});

	it('uses the configured default page size and validates perPage', async () => {
		const local = await RingCentralEmulator.start({ phoneNumbersPerPage: 2 });
		try {
			const auth = { headers: { Authorization: `Bearer ${local.issueAccessToken().access_token}` } };
			const reply = await call(local, listPath, auth);
			expect(reply.json.records).toHaveLength(2);
			expect(reply.json.paging).toMatchObject({ perPage: 2, totalPages: Math.ceil(DEFAULT_PHONE_NUMBERS.length / 2), pageStart: 0, pageEnd: 1 });
			const bad = await call(local, `${listPath}?perPage=abc`, auth);
			expect(bad.status).toBe(400);
			expect(bad.json.errors[0]).toMatchObject({ errorCode: 'CMN-101', parameterName: 'perPage' });
		} finally {
			await local.stop();
		}
	});
});
