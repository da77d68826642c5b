import { listSearch } from '../../../dev/harness/engine';
import { credentialStore, smsParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';
import type { PhoneNumberFixture } from '../../../dev/emulator';

const number = (id: string, phoneNumber: string, features: string[], label?: string): PhoneNumberFixture => ({
	id,
	phoneNumber,
	usageType: 'DirectNumber',
	paymentType: 'Local',
	type: 'VoiceFax',
	features,
	label,
});

// The node asks for pages of 100: 150 caller-ID-only numbers push the last senders to page 2.
const callerIdOnly = Array.from({ length: 150 }, (_, i) => number(`c${i}`, `+1212555${String(1000 + i)}`, ['CallerId']));
const numbers = [
	number('1', '+16505550100', ['CallerId', 'SmsSender', 'MmsSender'], 'Sales'),
	number('3', '+18885550100', ['CallerId', 'SmsSender']),
	number('4', '+16505550102', ['FaxSender']),
	...callerIdOnly,
	number('5', '+16505550103', ['SmsSender', 'MmsSender']),
	number('6', '+16505550104', ['CallerId', 'A2PSmsSender']),
];

const emulator = useEmulator({ phoneNumbers: numbers });

describe('From list shows the numbers that may send, across every page', () => {
	test('Send SMS lists the SmsSender numbers of both pages', async () => {
		const result = await listSearch('getSmsSenders', smsParameters(), credentialStore(emulator));
		expect(result.results.map((entry) => entry.value)).toEqual(['+16505550100', '+18885550100', '+16505550103']);
		expect(result.results[0].name).toBe('+16505550100 · Sales');
		// Without a label: the usage type, after the number.
		expect(result.results[1].name).toBe('+18885550100 · Direct Number');
		expect(emulator.requests({ path: /phone-number$/ }).map((request) => request.query.page)).toEqual(['1', '2']);
	});

	test('Send MMS lists only MmsSender numbers (no toll-free)', async () => {
		const result = await listSearch('getMmsSenders', smsParameters({ operation: 'sendMms' }), credentialStore(emulator));
		expect(result.results.map((entry) => entry.value)).toEqual(['+16505550100', '+16505550103']);
	});

	test('the search box filters by number or label', async () => {
		const credentials = credentialStore(emulator);
		expect((await listSearch('getSmsSenders', smsParameters(), credentials, 'sales')).results.map((entry) => entry.value)).toEqual(['+16505550100']);
		expect((await listSearch('getSmsSenders', smsParameters(), credentials, '888')).results.map((entry) => entry.value)).toEqual(['+18885550100']);
	});
});
