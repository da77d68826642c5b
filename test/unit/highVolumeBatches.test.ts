import { batchBody, bodyBytes, planBatches, rejectedPositions, type HighVolumeMessage } from '../../nodes/RingCentral/actions/highVolumeSms/batches';
import { isUsOrCanada } from '../../nodes/RingCentral/helpers/highVolume';
import { DEFAULT_POLICY } from '../../nodes/RingCentral/transport';

const message = (itemIndex: number, text = 'Hi', from = '+16505550120'): HighVolumeMessage => ({
	itemIndex,
	accountId: '~',
	from,
	to: `+1415555${String(1000 + itemIndex)}`,
	text,
	policy: DEFAULT_POLICY,
});

describe('batches are cut by message count and by body bytes', () => {
	test('no batch has more than maxMessages messages', () => {
		const batches = planBatches(Array.from({ length: 7 }, (_, i) => message(i)), { maxMessages: 3, maxBodyBytes: 1e9 });
		expect(batches.map((batch) => batch.messages.map((m) => m.itemIndex))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
	});

	test('no body is larger than maxBodyBytes, and each is filled as far as it goes', () => {
		const messages = Array.from({ length: 50 }, (_, i) => message(i, `Text number ${i} ${'é'.repeat(i)}`));
		const maxBodyBytes = 900;
		const batches = planBatches(messages, { maxMessages: 10_000, maxBodyBytes });
		expect(batches.length).toBeGreaterThan(3);
		for (const [i, batch] of batches.entries()) {
			expect(bodyBytes(batchBody(batch))).toBeLessThanOrEqual(maxBodyBytes);
			const next = batches[i + 1];
			// Had the next batch's first message fitted, it would have been taken.
			if (next) expect(bodyBytes(batchBody({ ...batch, messages: [...batch.messages, next.messages[0]] }))).toBeGreaterThan(maxBodyBytes);
		}
		expect(batches.flatMap((batch) => batch.messages.map((m) => m.itemIndex))).toEqual(messages.map((m) => m.itemIndex));
	});

	test('a message larger than the limit still goes alone (RingCentral will judge it)', () => {
		const batches = planBatches([message(0, 'x'.repeat(500)), message(1)], { maxMessages: 10, maxBodyBytes: 100 });
		expect(batches.map((batch) => batch.messages.length)).toEqual([1, 1]);
	});

	test('senders never share a batch; batches are ordered by their first item', () => {
		const batches = planBatches([message(0, 'a', '+1A'), message(1, 'a', '+1B'), message(2, 'a', '+1A')], { maxMessages: 1, maxBodyBytes: 1e9 });
		expect(batches.map((batch) => [batch.from, batch.messages[0].itemIndex])).toEqual([
			['+1A', 0],
			['+1B', 1],
			['+1A', 2],
		]);
	});
});

describe('the body', () => {
	test('one shared text goes at top level once; mixed texts stay on each message', () => {
		const [shared] = planBatches([message(0), message(1)], { maxMessages: 10, maxBodyBytes: 1e9 });
		expect(batchBody(shared)).toEqual({ from: '+16505550120', text: 'Hi', messages: [{ to: ['+14155551000'] }, { to: ['+14155551001'] }] });
		const [mixed] = planBatches([message(0), message(1, 'Yo')], { maxMessages: 10, maxBodyBytes: 1e9 });
		expect(batchBody(mixed)).toEqual({ from: '+16505550120', messages: [{ to: ['+14155551000'], text: 'Hi' }, { to: ['+14155551001'], text: 'Yo' }] });
	});
});

describe('rejected entries find their messages', () => {
	const [batch] = planBatches([0, 1, 2, 3].map((i) => message(i)), { maxMessages: 10, maxBodyBytes: 1e9 });
	const to = (i: number) => [`+1415555${String(1000 + i)}`];

	test("RingCentral's index counts from 1", () => {
		expect([...rejectedPositions([{ index: 1, to: to(0) }, { index: 4, to: to(3) }], batch).keys()]).toEqual([0, 3]);
	});

	test('a 0-based index is recognised by its number; a wrong or missing index falls back to the number', () => {
		expect([...rejectedPositions([{ index: 0, to: to(0) }], batch).keys()]).toEqual([0]);
		expect([...rejectedPositions([{ index: 9, to: to(2) }, { to: to(1) }], batch).keys()]).toEqual([2, 1]);
	});

	test('entries that match nothing, and answers without a list, reject nothing', () => {
		expect(rejectedPositions([{ index: 9, to: ['+19995550000'] }, null, 'x'], batch).size).toBe(0);
		expect(rejectedPositions(undefined, batch).size).toBe(0);
	});
});

test.each([
	['+14155550100', true],
	['+16045550100', true],
	['+18765550100', false],
	['+14415550100', false],
	['+442079460018', false],
])('%s is a US or Canadian number: %s', (number, expected) => {
	expect(isUsOrCanada(number)).toBe(expected);
});
