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

	test('request n + limit goes one window after the answer to request n: right whether windows restart or slide', () => {
		const pacer = new RateLimitPacer();
		pacer.observe(headers(2), 200, 0);
		pacer.observe(headers(1), 200, 300);
		pacer.observe(headers(0), 200, 600);
		// The 4th request waits for the 1st answer's window; the 5th for the 2nd's.
		pacer.observe(headers(0), 200, 1010);
		expect(pacer.delayMs(1010)).toBe(290);
		expect(pacer.delayMs(1300)).toBe(0);
	});

	test('requests another process spent (seen in X-Rate-Limit-Remaining) shrink this process\'s share for a window', () => {
		const pacer = new RateLimitPacer();
		// One own request, yet RingCentral counts all 3 of the window: 2 came from elsewhere.
		pacer.observe(headers(0), 200, 100);
		// A window, and some slack (a 20th of it, at least 100 ms): the other client's window may run later.
		expect(pacer.delayMs(100)).toBe(1100);
		expect(pacer.delayMs(1200)).toBe(0);
	});

	test("a Retry-After of 0 or below still waits 1 s; an HTTP date is honoured", () => {
		const pacer = new RateLimitPacer();
		pacer.observe({ 'retry-after': '-1' }, 429, 0);
		expect(pacer.delayMs(0)).toBe(1000);
		const dated = new RateLimitPacer();
		dated.observe({ 'retry-after': new Date(Date.now() + 7_000).toUTCString() }, 429, Date.now());
		expect(dated.delayMs()).toBeGreaterThan(5_000);
		expect(dated.delayMs()).toBeLessThanOrEqual(8_000);
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

describe('Sharing a limit with other processes (n8n queue mode: one pacer per worker)', () => {
	test('after a 429 one request probes; the others wait for its answer', async () => {
		const pacer = new RateLimitPacer();
		const start = Date.now();
		pacer.observe(headers(0, { 'retry-after': '1' }), 429, start - 1000, start - 1100);
		expect(await pacer.acquire(5000)).toBe(0);
		expect(pacer.delayMs()).toBeGreaterThan(0);
		pacer.observe(headers(2), 200);
		expect(pacer.delayMs()).toBe(0);
	});

	test('a probe that meets another 429 waits Retry-After plus a random share of it: lockstep with another process ends', () => {
		const pacer = new RateLimitPacer(() => 0.5);
		pacer.observe(headers(0, { 'retry-after': '4' }), 429, 0, -10);
		expect(pacer.delayMs(0)).toBe(4000);
		// Sent before that 429 came: the same wave, no extra wait.
		pacer.observe(headers(0, { 'retry-after': '4' }), 429, 5, -5);
		expect(pacer.delayMs(5)).toBe(4000);
		// The probe after the wait is refused too: another client restarted the penalty.
		pacer.observe(headers(0, { 'retry-after': '4' }), 429, 4010, 4005);
		expect(pacer.delayMs(4010)).toBe(4000 + 2000);
		pacer.observe(headers(0, { 'retry-after': '4' }), 429, 10_020, 10_015);
		expect(pacer.delayMs(10_020)).toBe(4000 + 4000);
	});

	test('while another process spends the same limit, this one takes at most half of what remains, less a tenth of the limit', async () => {
		const pacer = new RateLimitPacer();
		const limit = (remaining: number) => ({ 'x-rate-limit-limit': '40', 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-window': '60' });
		// One own request, 40 - 20 - 1 = 19 spent by others: 20 remain; 4 (a tenth of the limit) stay
		// unspent for requests in flight elsewhere, and half of the other 16 are this process's.
		const now = Date.now();
		pacer.observe(limit(20), 200, now, now - 10);
		for (let sent = 0; sent < 8; sent++) expect(await pacer.acquire(0)).toBe(0);
		expect(await pacer.acquire(0)).toBeGreaterThan(0);
	});
});
