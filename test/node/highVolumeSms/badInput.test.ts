import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runRingCentral } from '../../../dev/harness/engine';
import { batchRequests, credentialStore, highVolumeParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';

const emulator = useEmulator({ a2p: { timeScale: 0.001 } }, 'test');

const good = (i: number) => ({ phone: `+1415555${String(1000 + i)}`, text: `Hello ${i}` });

/** Refused items: what the item holds, and how the error starts. */
const refusals: Array<[string, IDataObject, RegExp]> = [
	['not a number', { phone: 'call me', text: 'x' }, /^Invalid To "call me": it has "c"/],
	['two numbers (a group)', { phone: '+14155550100, +14155550101', text: 'x' }, /^Invalid To .*2 numbers, but a High Volume SMS goes to one number/],
	['a UK number', { phone: '+44 20 7946 0018', text: 'x' }, /^Invalid To .*\+442079460018 is not a US or Canadian number/],
	['a Jamaican number (+1 876)', { phone: '+1 876 555 0100', text: 'x' }, /is not a US or Canadian number/],
	['an empty text', { phone: '+14155550100', text: '' }, /^Invalid Text "": the message is empty/],
	['1001 characters', { phone: '+14155550100', text: 'a'.repeat(1001) }, /^Invalid Text .*1001 characters, over RingCentral's limit of 1000/],
	['a lone surrogate (an emoji cut in half)', { phone: '+14155550100', text: 'Sale 😀'.slice(0, 6) }, /^Invalid Text .*half of an emoji/],
];

describe('items that fail validation get their own error and are not sent', () => {
	test.each(refusals)('%s: with Continue On Fail the refused item carries the error, the others go in one batch', async (_name, bad, message) => {
		const items: INodeExecutionData[] = [{ json: good(0) }, { json: bad }, { json: good(2) }];
		const { output, error } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(output[1].json.error).toMatch(message);
		expect(output[1].error?.context?.itemIndex).toBe(1);
		expect(output[1].error?.description).toBeTruthy();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(batchRequests(emulator)).toHaveLength(1);
		expect(emulator.a2p.messages.map((sent) => sent.to)).toEqual([good(0).phone, good(2).phone]);
	});

	test.each(refusals)('%s: without Continue On Fail nothing is sent at all', async (_name, bad, message) => {
		const { error, run } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items: [{ json: good(0) }, { json: bad }, { json: good(2) }] });
		expect(run.status).toBe('error');
		expect(error?.message).toMatch(message);
		expect(error?.context?.itemIndex).toBe(1);
		expect(batchRequests(emulator)).toHaveLength(0);
	});

	test('500 emoji (1000 UTF-16 units) are sent whole', async () => {
		const { error } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items: [{ json: { phone: '+14155550100', text: '😀'.repeat(500) } }] });
		expect(error).toBeUndefined();
		expect(emulator.a2p.messages[0].text).toBe('😀'.repeat(500));
	});

	test.each([
		['0', /^Invalid Batch Size "0"/],
		['10001', /^Invalid Batch Size "10001"/],
		['2.5', /^Invalid Batch Size "2.5"/],
	])('Batch Size %s is refused before anything is sent', async (batchSize, message) => {
		const { error } = await runRingCentral({ parameters: highVolumeParameters({ options: { batchSize: Number(batchSize) } }), credentials: credentialStore(emulator), items: [{ json: good(0) }] });
		expect(error?.message).toMatch(message);
		expect(batchRequests(emulator)).toHaveLength(0);
	});
});
