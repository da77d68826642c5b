/** When Wait for Delivery polls again: a growing interval, never faster than its share of the Light group allows. */

export const POLL = {
	/** IDs per bulk read. RingCentral documents no cap for the message store; its one documented bulk cap (presence) is 30. */
	idsPerRequest: 30,
	/** After the first round; RingCentral's own quick start polls every 2 s. */
	firstIntervalMs: 1000,
	growth: 1.5,
	maxIntervalMs: 20_000,
	/** Polling may use at most this share of the Light group, leaving the rest to other reads of the same user. */
	lightShare: 0.5,
	/** RingCentral's default Light limit, until an answer's X-Rate-Limit headers tell the app's own. */
	defaultLimit: 50,
	defaultWindowMs: 60_000,
} as const;

/** The wait after round `round` (0-based) by backoff alone: 1, 1.5, 2.25 … s, at most 20 s. */
export function backoffIntervalMs(round: number): number {
	return Math.min(POLL.maxIntervalMs, POLL.firstIntervalMs * POLL.growth ** round);
}

/**
 * The shortest wait after a round of `requests` requests so that polling stays within its share
 * of the limit: `requests` per (window × requests ÷ (limit × share)).
 */
export function budgetIntervalMs(requests: number, limit: number = POLL.defaultLimit, windowMs: number = POLL.defaultWindowMs): number {
	if (requests <= 0 || !(limit > 0) || !(windowMs > 0)) return 0;
	return Math.ceil((requests * windowMs) / (limit * POLL.lightShare));
}

/** The wait before the next round: the longer of backoff and budget, but no later than the next deadline. */
export function nextWaitMs(round: number, requests: number, untilDeadlineMs: number, limit?: number, windowMs?: number): number {
	const wait = Math.max(backoffIntervalMs(round), budgetIntervalMs(requests, limit, windowMs));
	return Math.max(0, Math.min(wait, untilDeadlineMs));
}

export function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}
