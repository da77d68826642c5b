// The emulator as a server: address, options, unknown routes, extension info.
import { useEmulator } from '../../dev/harness/lifecycle';
import { EMULATOR_DEFAULTS } from '../../dev/emulator';
import { call, login } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('server basics', () => {
	it('listens on 127.0.0.1 and resolves options', () => {
		expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(emu.options.port).toBe(Number(emu.url.split(':')[2]));
		expect(emu.options.clientId).toBe(EMULATOR_DEFAULTS.clientId);
		expect(emu.options.phoneNumbersPerPage).toBe(100);
	});

	it('answers unknown routes with 404 CMN-102 and journals them', async () => {
		const reply = await call(emu, '/restapi/v1.0/nothing-here');
		expect(reply.status).toBe(404);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(reply.json.errors[0].errorCode).toBe('CMN-102');
		expect(emu.requests({ path: '/restapi/v1.0/nothing-here' })[0]).toMatchObject({ status: 404, errorCode: 'CMN-102', seq: 1 });
	});

	it('returns extension info for ~ and the configured ids, 404 for others', async () => {
		const auth = { headers: { Authorization: `Bearer ${token}` } };
		const mine = await call(emu, '/restapi/v1.0/account/~/extension/~', auth);
		expect(mine.status).toBe(200);
		expect(mine.json).toMatchObject({ extensionNumber: '101', name: 'Emulator User', type: 'User', status: 'Enabled', account: { id: '100' } });
		expect(mine.headers.get('x-rate-limit-group')).toBe('Light');
		expect((await call(emu, '/restapi/v1.0/account/100/extension/101', auth)).status).toBe(200);
		const other = await call(emu, '/restapi/v1.0/account/~/extension/999', auth);
		expect(other.status).toBe(404);
		expect(other.json.errors[0]).toMatchObject({ errorCode: 'CMN-102', parameterName: 'extensionId' });
	});
});
