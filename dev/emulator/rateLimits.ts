// RingCentral's per-group rate limits: fixed or sliding windows, the penalty, X-Rate-Limit-* headers.
import type { RateLimitConfig, RateLimitGroup } from './types';

/**
 * RingCentral's default user-level limits per (user, app) and group, each with a 60-second
 * penalty (https://developers.ringcentral.com/guide/basics/rate-limits). The emulator applies
 * them to every group a caller does not configure.
 */
export const RINGCENTRAL_RATE_LIMITS: Readonly<Record<RateLimitGroup, Readonly<RateLimitConfig>>> = Object.freeze({
	Light: Object.freeze({ limit: 50, windowSeconds: 60, penaltySeconds: 60 }),
	Medium: Object.freeze({ limit: 40, windowSeconds: 60, penaltySeconds: 60 }),
	Heavy: Object.freeze({ limit: 10, windowSeconds: 60, penaltySeconds: 60 }),
	Auth: Object.freeze({ limit: 5, windowSeconds: 60, penaltySeconds: 60 }),
});

/** RingCentral's defaults with the options' groups over them. */
export function resolveRateLimits(given: Partial<Record<RateLimitGroup, RateLimitConfig>> = {}): Record<RateLimitGroup, RateLimitConfig> {
	const resolved = {} as Record<RateLimitGroup, RateLimitConfig>;
	for (const group of Object.keys(RINGCENTRAL_RATE_LIMITS) as RateLimitGroup[]) {
		resolved[group] = { ...(given[group] ?? RINGCENTRAL_RATE_LIMITS[group]) };
	}
	return resolved;
}

export interface RateLimitDecision {
	allowed: boolean;
	headers: Record<string, string>;
}

interface Counter {
	/** Start of the current fixed window (ms); undefined = no window running. */
	windowStart?: number;
	used: number;
	/** Sliding windows: when each request of the last window was counted. */
	times: number[];
	/** End of the penalty (ms); 0 = none. */
	penaltyUntil: number;
}

/**
 * Fixed-window limiter per (key, group), as RingCentral documents it: a window
 * starts with the first request after the previous one ended (or, with `sliding`,
 * the requests of the last window count); going over the
 * limit starts a penalty, and ANY request during the penalty restarts it
 * (the "429 trap" of RingCentral's rate-limit guide: https://developers.ringcentral.com/guide/basics/rate-limits).
 */
export class RateLimiter {
	private configs: Record<RateLimitGroup, RateLimitConfig>;
	private counters = new Map<string, Counter>();

	constructor(private readonly initial: Record<RateLimitGroup, RateLimitConfig>) {
		this.configs = { ...initial };
	}

	config(group: RateLimitGroup): RateLimitConfig {
		return this.configs[group];
	}

	/** undefined: back to RingCentral's default for the group (not to "unlimited"). */
	set(group: RateLimitGroup, config: RateLimitConfig | undefined): void {
		this.configs[group] = { ...(config ?? RINGCENTRAL_RATE_LIMITS[group]) };
		// Start the group afresh so the new numbers apply from the next request.
		for (const key of [...this.counters.keys()]) if (key.endsWith(`|${group}`)) this.counters.delete(key);
	}

	/** Forget counters and penalties; configs back to the constructor's. */
	reset(): void {
		this.counters.clear();
		this.configs = { ...this.initial };
	}

	/** Counts one request and decides whether it may proceed. */
	hit(key: string, group: RateLimitGroup, now = Date.now()): RateLimitDecision {
		const config = this.config(group);
		const windowMs = config.windowSeconds * 1000;
		const penaltySeconds = config.penaltySeconds ?? config.windowSeconds;
		const counter = this.counter(key, group);

		if (counter.penaltyUntil > now) {
			counter.penaltyUntil = now + penaltySeconds * 1000;
			return this.limited(group, config, penaltySeconds);
		}
		if (config.sliding) {
			counter.times = counter.times.filter((time) => time > now - windowMs);
			counter.windowStart = counter.times[0] ?? now;
			counter.used = counter.times.length;
		} else if (counter.windowStart === undefined || now >= counter.windowStart + windowMs) {
			counter.windowStart = now;
			counter.used = 0;
		}
		if (counter.used >= config.limit) {
			counter.penaltyUntil = now + penaltySeconds * 1000;
			// After the penalty the client gets a fresh window.
			counter.windowStart = undefined;
			counter.used = 0;
			counter.times = [];
			return this.limited(group, config, penaltySeconds);
		}
		counter.used++;
		counter.times.push(now);
		return { allowed: true, headers: headersFor(group, config, config.limit - counter.used) };
	}

	/** Headers for a response that was not counted (e.g. a 401 before the limiter). */
	peek(key: string, group: RateLimitGroup, now = Date.now()): Record<string, string> {
		const config = this.config(group);
		const counter = this.counters.get(`${key}|${group}`);
		let remaining = config.limit;
		if (counter?.penaltyUntil && counter.penaltyUntil > now) remaining = 0;
		else if (counter?.windowStart !== undefined && now < counter.windowStart + config.windowSeconds * 1000) {
			remaining = config.limit - counter.used;
		}
		return headersFor(group, config, remaining);
	}

	private counter(key: string, group: RateLimitGroup): Counter {
		const id = `${key}|${group}`;
		let counter = this.counters.get(id);
		if (!counter) {
			counter = { used: 0, times: [], penaltyUntil: 0 };
			this.counters.set(id, counter);
		}
		return counter;
	}

	private limited(group: RateLimitGroup, config: RateLimitConfig, penaltySeconds: number): RateLimitDecision {
		const headers = headersFor(group, config, 0);
		headers['Retry-After'] = String(Math.max(1, Math.ceil(penaltySeconds)));
		return { allowed: false, headers };
	}
}

function headersFor(group: RateLimitGroup, config: RateLimitConfig, remaining: number): Record<string, string> {
	return {
		'X-Rate-Limit-Group': group,
		'X-Rate-Limit-Limit': String(config.limit),
		'X-Rate-Limit-Remaining': String(Math.max(0, remaining)),
		'X-Rate-Limit-Window': String(config.windowSeconds),
	};
}
