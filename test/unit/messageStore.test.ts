// Pure rules of the Message resource: when a delivery is settled, when to poll again, dates, error codes, hosts and bulk paths.
import { mediaServerUrl } from '../../credentials/common/ringcentral/server';
import { explainDeliveryError } from '../../credentials/common/ringcentral/deliveryErrors';
import { toRingCentralDate } from '../../nodes/RingCentral/helpers/dates';
import { deliveryOf } from '../../nodes/RingCentral/helpers/messageStatus';
import { backoffIntervalMs, budgetIntervalMs, chunks, nextWaitMs } from '../../nodes/RingCentral/helpers/pollSchedule';
import { buildPath, ENDPOINTS } from '../../nodes/RingCentral/transport/endpoints';

describe('deliveryOf', () => {
	const one = (messageStatus: string, extra = {}) => ({ direction: 'Outbound', messageStatus, to: [{ phoneNumber: '+14155550100' }], ...extra });

	test.each([
		['Queued', false, 'pending'],
		['Sent', false, 'pending'],
		['Sent', true, 'sent'],
		['Delivered', false, 'delivered'],
		['DeliveryFailed', false, 'failed'],
		['SendingFailed', true, 'failed'],
	])('%s with Sent final %p is %s', (status, sentIsFinal, state) => {
		expect(deliveryOf(one(status), sentIsFinal).state).toBe(state);
	});

	test('a failure carries the code and the recipient', () => {
		expect(deliveryOf(one('DeliveryFailed', { deliveryErrorCode: 'SMS-CAR-411' }), false)).toEqual({
			state: 'failed',
			status: 'DeliveryFailed',
			failed: [{ phoneNumber: '+14155550100', status: 'DeliveryFailed' }],
			errorCode: 'SMS-CAR-411',
		});
	});

	test("a group message is settled by its recipients' statuses, not the top-level Sent", () => {
		const group = (a: string, b: string) => ({ direction: 'Outbound', messageStatus: 'Sent', to: [{ phoneNumber: '+1', messageStatus: a }, { phoneNumber: '+2', messageStatus: b }] });
		expect(deliveryOf(group('Delivered', 'Delivered'), false).state).toBe('delivered');
		expect(deliveryOf(group('Delivered', 'Sent'), false)).toEqual({ state: 'pending', status: 'Sent' });
		expect(deliveryOf(group('Delivered', 'Sent'), true).state).toBe('sent');
		expect(deliveryOf(group('Queued', 'DeliveryFailed'), false)).toMatchObject({ state: 'failed', failed: [{ phoneNumber: '+2' }] });
	});

	test('received messages are not waited for', () => {
		expect(deliveryOf({ direction: 'Inbound', messageStatus: 'Received' }, false).state).toBe('inbound');
	});
});

describe('poll schedule', () => {
	test('backoff grows from 1 s by half to at most 20 s', () => {
		expect([0, 1, 2, 3, 10].map(backoffIntervalMs)).toEqual([1000, 1500, 2250, 3375, 20000]);
	});

	test("a round of n requests waits long enough to use at most half of the Light limit", () => {
		expect(budgetIntervalMs(1)).toBe(2400);
		expect(budgetIntervalMs(4)).toBe(9600);
		expect(budgetIntervalMs(4, 10, 60_000)).toBe(48_000);
		expect(nextWaitMs(0, 4, 60_000)).toBe(9600);
		expect(nextWaitMs(0, 4, 3000)).toBe(3000);
		expect(nextWaitMs(0, 1, -5)).toBe(0);
	});

	test('chunks of 30', () => {
		expect(chunks(Array.from({ length: 61 }, (_, i) => i), 30).map((c) => c.length)).toEqual([30, 30, 1]);
	});
});

describe('toRingCentralDate', () => {
	test.each([
		['2024-05-01T00:00:00', 'America/New_York', '2024-05-01T04:00:00.000Z'],
		['2024-01-15T00:00:00', 'America/New_York', '2024-01-15T05:00:00.000Z'],
		['2024-03-10T03:30:00', 'America/New_York', '2024-03-10T07:30:00.000Z'],
		['2024-05-01 09:30', 'Europe/Berlin', '2024-05-01T07:30:00.000Z'],
		['2024-05-01T09:30:00.5', 'UTC', '2024-05-01T09:30:00.500Z'],
		['2024-05-01T09:30:00+02:00', 'America/New_York', '2024-05-01T07:30:00.000Z'],
		['2024-05-01T09:30:00Z', 'Asia/Tokyo', '2024-05-01T09:30:00.000Z'],
		['2024-05-01', 'UTC', '2024-05-01T00:00:00.000Z'],
	])('%s in %s is %s', (value, zone, iso) => {
		expect(toRingCentralDate(value, zone)).toEqual({ iso });
	});

	test('Dates, epoch milliseconds and Luxon-like DateTimes', () => {
		expect(toRingCentralDate(new Date('2024-05-01T00:00:00Z'), 'UTC')).toEqual({ iso: '2024-05-01T00:00:00.000Z' });
		expect(toRingCentralDate(Date.UTC(2024, 4, 1), 'UTC')).toEqual({ iso: '2024-05-01T00:00:00.000Z' });
		expect(toRingCentralDate({ toISO: () => '2024-05-01T02:00:00.000+02:00' }, 'UTC')).toEqual({ iso: '2024-05-01T00:00:00.000Z' });
	});

	test.each(['yesterday', '2024-02-30T00:00:00', '', {}])('%p is refused', (value) => {
		expect(toRingCentralDate(value, 'UTC')).toHaveProperty('problem');
	});
});

describe('explainDeliveryError', () => {
	test('known codes, unknown codes by their prefix, no code', () => {
		expect(explainDeliveryError('SMS-RC-413').meaning).toBe('the recipient opted out of texts from this number');
		expect(explainDeliveryError('sms-car-461').fix).toMatch(/toll-free verification/);
		expect(explainDeliveryError('SMS-CAR-999').meaning).toBe("the recipient's carrier refused it");
		expect(explainDeliveryError(undefined).meaning).toBe('RingCentral gave no error code');
	});
});

describe('endpoints', () => {
	test("content downloads go to RingCentral's media entry point", () => {
		expect(mediaServerUrl('https://platform.ringcentral.com')).toBe('https://media.ringcentral.com');
		expect(mediaServerUrl('https://platform.ringcentral.biz')).toBe('https://media.ringcentral.biz');
		expect(mediaServerUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
		expect(ENDPOINTS.readMessageContent).toMatchObject({ host: 'media', group: 'medium', answer: 'stream' });
	});

	test('a list of IDs fills a placeholder comma-separated, each ID checked', () => {
		expect(buildPath(ENDPOINTS.readMessages, { messageId: ['1', '22', '333'] })).toBe('/restapi/v1.0/account/~/extension/~/message-store/1,22,333');
		expect(() => buildPath(ENDPOINTS.readMessages, { messageId: ['1', '../x'] })).toThrow(/"\.\.\/x" is not a valid RingCentral messageId/);
		expect(() => buildPath(ENDPOINTS.readMessages, { messageId: [] })).toThrow(/No RingCentral messageId/);
	});
});
