import { RateLimitPacer } from '../../nodes/RingCentral/transport/rateLimitPacer';

/** RingCentral's rate-limit headers for a limit of 3 per 1-second window. */
const headers = (remaining: number, extra: Record<string, string> = {}) => ({
	'x-rate-limit-limit': '3',
	'x-rate-limit-remaining': String(remaining),
	'x-rate-limit-window': '1',
	...extra,
});

describe('The pacer waits exactly as long as RingCentral needs', () => {
	test('a used-up window is waited out from its first answer, not from its last', () => {
		const pacer = new RateLimitPacer();
		pacer.observe(headers(2), 200, 0);
		pacer.observe(headers(1), 200, 300);
		pacer.observe(headers(0), 200, 600);
		expect(pacer.delayMs(600)).toBe(400);
		expect(pacer.delayMs(1000)).toBe(0);
	});

	test('when the window turns out to slide, it waits a whole window after the last answer from then on', () => {
		const pacer = new RateLimitPacer();
		pacer.observe(headers(2), 200, 0);
		pacer.observe(headers(1), 200, 300);
		pacer.observe(headers(0), 200, 600);
		// Resumed at 1000: a sliding window had freed one request only.
		pacer.observe(headers(0), 200, 1010);
		expect(pacer.delayMs(1010)).toBe(1000);
		pacer.observe(headers(2), 200, 2010);
		pacer.observe(headers(1), 200, 2100);
		pacer.observe(headers(0), 200, 2200);
		expect(pacer.delayMs(2200)).toBe(1000);
	});

	test("a 429 holds requests for Retry-After, or RingCentral's advised 30 s without it", () => {
		const pacer = new RateLimitPacer();
		pacer.observe(headers(0, { 'retry-after': '5' }), 429, 0);
		expect(pacer.delayMs(0)).toBe(5000);
		const silent = new RateLimitPacer();
		silent.observe({}, 429, 0);
		expect(silent.delayMs(0)).toBe(30_000);
	});

	test('a window whose remaining count is not used up lets requests go at once', () => {
		const pacer = new RateLimitPacer();
		pacer.observe(headers(2), 200, 0);
		expect(pacer.delayMs(10)).toBe(0);
	});
});
