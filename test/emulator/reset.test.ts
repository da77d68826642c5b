// reset(): what it clears and what it keeps.
import { useEmulator } from '../../dev/harness/lifecycle';
import { SMS_PATH, login, sendJson, smsRequest } from '../../dev/emulator/client';

const emu = useEmulator();
let token: string;

beforeAll(async () => {
	token = await login(emu);
});

describe('reset', () => {
	it('clears journal, messages and faults but keeps tokens valid', async () => {
		await sendJson(emu, token, smsRequest());
		emu.injectFault({ path: SMS_PATH, count: 5, fault: { kind: 'status', status: 500 } });
		emu.reset();
		expect(emu.journal).toHaveLength(0);
		expect(emu.messages).toHaveLength(0);
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.status).toBe(200);
		expect(emu.journal[0].seq).toBe(1);
	});
});
