import type { INodeExecutionData } from 'n8n-workflow';

import { receiveMessage } from '../../../dev/emulator';
import { runRingCentral } from '../../../dev/harness/engine';
import { useEmulator } from '../../../dev/harness/lifecycle';
import { credentialStore, messageParameters, smsParameters, storeRequests } from '../../../dev/harness/setup';

const emulator = useEmulator(undefined, 'test');
const HOUR = 3600 * 1000;

async function getMany(overrides = {}, items?: INodeExecutionData[]) {
	return await runRingCentral({ parameters: messageParameters('getAll', overrides), credentials: credentialStore(emulator), items });
}

const subjects = (output: INodeExecutionData[]) => output.map((item) => item.json.subject);

describe('Message > Get Many', () => {
	test('by default: SMS of the last 24 hours, newest first, one item per message, at most 50', async () => {
		receiveMessage(emulator, { from: '+14155550177', text: 'old', creationTime: new Date(Date.now() - 30 * HOUR) });
		receiveMessage(emulator, { from: '+14155550177', text: 'first', creationTime: new Date(Date.now() - 2 * HOUR) });
		receiveMessage(emulator, { from: '+14155550178', type: 'Fax' });
		await runRingCentral({ parameters: smsParameters({ text: 'sent' }), credentials: credentialStore(emulator) });
		const { output, error } = await getMany();
		expect(error).toBeUndefined();
		expect(subjects(output)).toEqual(['sent', 'first']);
		const [request] = storeRequests(emulator);
		expect(request).toMatchObject({ path: '/restapi/v1.0/account/~/extension/~/message-store', group: 'Light', query: { messageType: 'SMS', perPage: '50', page: '1' } });
	});

	test('several message types go as repeated parameters; none selected means every type', async () => {
		receiveMessage(emulator, { from: '+14155550177', text: 'text' });
		receiveMessage(emulator, { from: '+14155550178', type: 'Fax' });
		receiveMessage(emulator, { from: '+14155550179', type: 'VoiceMail' });
		expect((await getMany({ messageType: ['SMS', 'Fax'] })).output.map((item) => item.json.type).sort()).toEqual(['Fax', 'SMS']);
		expect((await getMany({ messageType: [] })).output).toHaveLength(3);
	});

	test('filters: direction, read status, phone number (national spelling with Country), conversation', async () => {
		const a = receiveMessage(emulator, { from: '+14155550177', text: 'a', readStatus: 'Read' });
		receiveMessage(emulator, { from: '+14155550178', text: 'b' });
		await runRingCentral({ parameters: smsParameters({ text: 'out', to: '+14155550177' }), credentials: credentialStore(emulator) });
		expect(subjects((await getMany({ filters: { direction: 'Outbound' } })).output)).toEqual(['out']);
		expect(subjects((await getMany({ filters: { direction: 'Inbound', readStatus: 'Unread' } })).output)).toEqual(['b']);
		expect(subjects((await getMany({ filters: { phoneNumber: '(415) 555-0177', direction: 'Inbound' }, options: { country: 'US' } })).output)).toEqual(['a']);
		expect(subjects((await getMany({ filters: { conversationId: String(a.info.conversationId) } })).output)).toEqual(['a']);
		expect(storeRequests(emulator).map((request) => request.query.phoneNumber).filter(Boolean)).toEqual(['+14155550177']);
	});

	test("dates from n8n's date picker are read in the workflow's time zone and sent in UTC", async () => {
		receiveMessage(emulator, { from: '+14155550177', text: 'in range', creationTime: new Date('2024-05-01T12:00:00Z') });
		receiveMessage(emulator, { from: '+14155550177', text: 'too early', creationTime: new Date('2024-04-30T12:00:00Z') });
		const { output } = await getMany({ filters: { dateFrom: '2024-05-01T00:00:00', dateTo: '2024-05-02T00:00:00Z' } });
		expect(subjects(output)).toEqual(['in range']);
		// The harness workflow has no time zone setting: n8n's default, America/New_York (UTC-4 in May).
		expect(storeRequests(emulator)[0].query).toMatchObject({ dateFrom: '2024-05-01T04:00:00.000Z', dateTo: '2024-05-02T00:00:00.000Z' });
	});

	test('Return All reads every page; Limit stops at its count', async () => {
		for (let i = 0; i < 230; i++) receiveMessage(emulator, { from: '+14155550177', text: `m${i}`, creationTime: new Date(Date.now() - (i + 1) * 1000) });
		const all = await getMany({ returnAll: true });
		expect(all.output).toHaveLength(230);
		expect(all.output[0].json.subject).toBe('m0');
		expect(all.output[229].json.subject).toBe('m229');
		expect(storeRequests(emulator).map((request) => [request.query.page, request.query.perPage])).toEqual([['1', '100'], ['2', '100'], ['3', '100']]);
		emulator.journal.length = 0;
		const some = await getMany({ returnAll: false, limit: 150 });
		expect(some.output).toHaveLength(150);
		expect(storeRequests(emulator)).toHaveLength(2);
	});

	test('each input item runs its own query', async () => {
		receiveMessage(emulator, { from: '+14155550177', text: 'from 77' });
		receiveMessage(emulator, { from: '+14155550178', text: 'from 78' });
		const { output } = await getMany({ filters: { phoneNumber: '={{ $json.phone }}' } }, [{ json: { phone: '+14155550177' } }, { json: { phone: '+14155550178' } }]);
		expect(output.map((item) => [item.json.subject, item.pairedItem])).toEqual([['from 77', { item: 0 }], ['from 78', { item: 1 }]]);
	});

	test.each([
		[{ filters: { dateFrom: 'next tuesday' } }, /Invalid Date From "next tuesday"/],
		[{ filters: { dateFrom: '2024-05-02T00:00:00Z', dateTo: '2024-05-01T00:00:00Z' } }, /Invalid Date From .*it is after Date To/],
		[{ filters: { phoneNumber: 'call me' } }, /Invalid Phone Number "call me"/],
		[{ filters: { conversationId: 'x1' } }, /Invalid Conversation ID "x1"/],
		[{ limit: 0 }, /Invalid Limit "0"/],
	])('bad filters are refused before any request: %j', async (overrides, message) => {
		const { error } = await getMany(overrides);
		expect(error?.message).toMatch(message);
		expect(emulator.journal).toHaveLength(0);
	});
});
