/** How hard a request tries before its item fails: the node's Options, with RingCentral-minded defaults. */

export interface RequestPolicy {
	/** Total time one request may wait for RingCentral's rate limits, token requests included. */
	maxRateLimitWaitMs: number;
	/** Send again after a 5xx, though RingCentral may already have processed the request. */
	retryOnServerErrors: boolean;
	/** Longest time for one request, from sending to the last byte of the answer. */
	timeoutMs: number;
}

export const DEFAULT_POLICY: RequestPolicy = {
	maxRateLimitWaitMs: 300_000,
	retryOnServerErrors: false,
	timeoutMs: 60_000,
};

/** Bounds of the duration options, in seconds: beyond an hour nothing useful happens, and timers overflow at 2^31 ms. */
export const POLICY_LIMITS = {
	maxRateLimitWait: { min: 0, max: 3600 },
	timeout: { min: 1, max: 3600 },
} as const;

/** Retries of requests that certainly were not processed (refused connection, repeatable reads). */
export const MAX_RETRIES = 3;

export const backoffMs = (attempt: number): number => 1000 * 2 ** attempt;
