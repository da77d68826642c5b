import { sleep } from 'n8n-workflow';

/**
 * Paces requests by RingCentral's own X-Rate-Limit-* headers, per credential and limit group.
 * When a group's remaining count reaches zero, or a 429 arrives, every request of that group
 * waits: RingCentral restarts its 60-second penalty with each request made during it.
 * One pacer per credential is shared by all executions in this n8n process; other processes
 * (queue-mode workers) are paced by the same headers and 429s.
 */
export class RateLimitPacer {
	private blockedUntil = 0;

	private remaining?: number;

	private windowEndsAt = 0;

	/** When the answer to the current window's first request arrived (0: not seen). */
	private windowStartedAt = 0;

	/** RingCentral's headers do not say whether a window restarts whole or slides: learned. */
	private windowsSlide = false;

	private expectingFreshWindow = false;

	private inFlight = 0;

	/** Milliseconds this request would wait now (0 when it may go). */
	delayMs(now = Date.now()): number {
		if (now >= this.windowEndsAt) this.remaining = undefined;
		return Math.max(0, this.blockedUntil - now);
	}

	/**
	 * Waits until a request may go, then reserves it. Returns 0, or the wait still needed when
	 * it exceeds `maxWaitMs` (then nothing is reserved and the caller gives up).
	 */
	async acquire(maxWaitMs: number): Promise<number> {
		for (;;) {
			const delay = this.delayMs();
			if (delay > 0) {
				if (delay > maxWaitMs) return delay;
				await sleep(delay);
				continue;
			}
			if (this.remaining !== undefined && this.remaining <= this.inFlight) {
				// The window's requests are used up (by this or another execution): wait it out.
				this.blockedUntil = this.windowEndsAt;
				this.remaining = undefined;
				continue;
			}
			this.inFlight++;
			return 0;
		}
	}

	/** Learns from a response's headers; call once per acquired request. */
	observe(headers: Record<string, unknown>, status: number | undefined, now = Date.now()): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const limit = Number(headers['x-rate-limit-limit']);
		const remaining = Number(headers['x-rate-limit-remaining']);
		const windowMs = Number(headers['x-rate-limit-window']) * 1000;
		if (Number.isFinite(remaining) && Number.isFinite(windowMs) && windowMs > 0) {
			if (this.expectingFreshWindow) {
				// Resumed at "window start + window": a window that slides frees one request at a time.
				this.expectingFreshWindow = false;
				if (remaining !== limit - 1) this.windowsSlide = true;
			}
			if (remaining === limit - 1) this.windowStartedAt = now;
			// The answer to a window's first request arrives after RingCentral opened the window, so
			// "that answer + the window" is never early, and the burst's own duration is not added.
			const early = !this.windowsSlide && now - this.windowStartedAt < windowMs;
			this.remaining = remaining;
			this.windowEndsAt = early ? this.windowStartedAt + windowMs : now + windowMs;
			if (remaining <= 0) {
				this.blockedUntil = Math.max(this.blockedUntil, this.windowEndsAt);
				this.expectingFreshWindow = early;
			}
		}
		if (status === 429) this.penalize(retryAfterSeconds(headers), now);
	}

	/** A request that ended without a response gives its reservation back. */
	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	private penalize(seconds: number, now: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, now + seconds * 1000);
		this.remaining = undefined;
	}
}

/** RingCentral advises 30 s when a 429 comes without Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

export function retryAfterSeconds(headers: Record<string, unknown>): number {
	const value = Number(headers['retry-after']);
	if (headers['retry-after'] === undefined || !Number.isFinite(value)) return DEFAULT_RETRY_AFTER_SECONDS;
	// Never retry at once: the request would land in the penalty and restart it.
	return Math.max(value, 1);
}

const pacers = new Map<string, RateLimitPacer>();

/** The pacer of one credential's limit group; keys hold ids and URLs, never secrets. */
export function pacerFor(key: string): RateLimitPacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RateLimitPacer();
		pacers.set(key, pacer);
	}
	return pacer;
}
