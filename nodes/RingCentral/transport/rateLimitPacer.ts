/** Paces requests by RingCentral's X-Rate-Limit-* headers, per credential and rate-limit group. */
import { retryAfterSeconds } from '../../../credentials/common/ringcentral/apiErrors';
import { sleepMs } from '../../../credentials/common/ringcentral/sleep';

/** While requests are in flight and the limit is reached, look again this often. */
const IN_FLIGHT_POLL_MS = 20;

/**
 * RingCentral does not say whether its windows restart whole or slide, so the pacer keeps a rule
 * that is right under both: request n + limit goes out one window after the answer to request n
 * (an answer comes after RingCentral counted the request). Requests other processes spend show in
 * X-Rate-Limit-Remaining and shrink this process's share until a window has passed; while others
 * are seen, this process spends at most half of what RingCentral last said remains (less a tenth of
 * the limit), so that two processes reading the same number do not both spend it. A 429 holds every request of the group
 * for Retry-After, then one request probes before the others go. One pacer is shared by all
 * executions of the process (n8n's queue mode runs one per worker).
 */
export class RateLimitPacer {
	private blockedUntil = 0;

	private limit?: number;

	private windowMs?: number;

	/** Answer times of this process's requests, oldest first, at most `limit` of them. */
	private answers: number[] = [];

	private inFlight = 0;

	/** Requests of other clients seen in the window, and when that was learned. */
	private foreign = 0;

	private foreignSeenAt = 0;

	/** The newest X-Rate-Limit-Remaining, when it came, and own requests sent since. */
	private remaining?: number;

	private remainingAt = 0;

	private sentSince = 0;

	/**
	 * 429s in a row for requests sent after the previous 429 came. RingCentral restarts its penalty
	 * on any request during it, so processes that each wait exactly Retry-After can keep one another
	 * blocked forever; from the second strike on, a random extra wait breaks the lockstep.
	 */
	private strikes = 0;

	private lastBlockAt = Number.NEGATIVE_INFINITY;

	/** After a 429: the next request probes alone. */
	private probing = false;

	constructor(private readonly random: () => number = Math.random) {}

	/** Milliseconds until a request may go (0: now). */
	delayMs(now = Date.now()): number {
		let at = this.blockedUntil;
		if (this.probing && this.inFlight > 0) at = Math.max(at, now + IN_FLIGHT_POLL_MS);
		const { limit, windowMs } = this;
		if (limit !== undefined && windowMs !== undefined) {
			const recent = this.answers.filter((time) => time > now - windowMs);
			const foreignFresh = now - this.foreignSeenAt < windowMs ? this.foreign : 0;
			const capacity = limit - foreignFresh;
			// Another client's window may have started a little later, or its 429 a penalty: some slack.
			const slackMs = foreignFresh > 0 ? Math.max(100, windowMs / 20) : 0;
			// Answers that must leave the window before one more request fits.
			const excess = recent.length + this.inFlight - capacity + 1;
			if (excess > 0) {
				if (excess <= recent.length) at = Math.max(at, recent[excess - 1] + windowMs + slackMs);
				else if (foreignFresh > 0) at = Math.max(at, this.foreignSeenAt + windowMs + slackMs);
				else at = Math.max(at, now + IN_FLIGHT_POLL_MS);
			}
			// Sharing with other clients: half of what remained, less a tenth of the limit that nobody
			// spends (their requests in flight), then wait for a newer count. A 429 would cost more:
			// its penalty holds every client, and restarts with each of their requests.
			const shared = foreignFresh > 0 && this.remaining !== undefined && now - this.remainingAt < windowMs;
			const share = Math.floor((this.remaining! - Math.ceil(limit / 10)) / 2);
			if (shared && this.sentSince >= share) {
				at = Math.max(at, this.inFlight > 0 ? now + IN_FLIGHT_POLL_MS : this.remainingAt + windowMs + slackMs);
			}
		}
		return Math.max(0, at - now);
	}

	/**
	 * Waits until a request may go, then reserves it. Returns 0, or the wait still needed when it
	 * exceeds `maxWaitMs` (then nothing is reserved and the caller gives up).
	 */
	async acquire(maxWaitMs: number): Promise<number> {
		const deadline = Date.now() + maxWaitMs;
		for (;;) {
			const delay = this.delayMs();
			if (delay === 0) break;
			if (Date.now() + delay > deadline) return delay;
			await sleepMs(delay);
		}
		this.inFlight++;
		this.sentSince++;
		return 0;
	}

	/**
	 * Learns from an answer's headers; call once per acquired request that got an answer. `sentAt`:
	 * when the request left (RingCentral counted it at or after that moment).
	 */
	observe(headers: Record<string, unknown>, status: number | undefined, now = Date.now(), sentAt = now): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const limit = Number(headers['x-rate-limit-limit']);
		const remaining = Number(headers['x-rate-limit-remaining']);
		const windowMs = Number(headers['x-rate-limit-window']) * 1000;
		if (status !== 429) {
			this.answers.push(now);
		}
		if (Number.isFinite(limit) && limit > 0 && Number.isFinite(windowMs) && windowMs > 0) {
			this.limit = limit;
			this.windowMs = windowMs;
			if (this.answers.length > limit) this.answers.splice(0, this.answers.length - limit);
			if (Number.isFinite(remaining)) {
				// What RingCentral counted beyond this process's own requests in the window. Its window ends
				// when it counted this request, not when the answer came: own requests are counted from
				// `sentAt`, so that this process's own never pass for another's.
				const own = this.answers.filter((time) => time > sentAt - windowMs).length + this.inFlight;
				const foreign = Math.max(0, limit - remaining - own);
				if (foreign > 0 || now - this.foreignSeenAt >= windowMs) {
					this.foreign = foreign;
					this.foreignSeenAt = now;
				}
				if (status !== 429) {
					this.remaining = remaining;
					this.remainingAt = now;
					// Requests still in flight may not have been counted yet.
					this.sentSince = this.inFlight;
				}
			}
		}
		if (status === 429) {
			this.block(headers, now, sentAt);
		} else if (sentAt >= this.lastBlockAt) {
			// A request sent after the last 429 went through: the penalty is over.
			this.strikes = 0;
			this.probing = false;
		}
	}

	private block(headers: Record<string, unknown>, now: number, sentAt: number): void {
		// Requests sent before the previous 429 came belong to the same wave: one strike for all.
		if (sentAt >= this.lastBlockAt) this.strikes++;
		const waitMs = retryAfterSeconds(headers, now) * 1000;
		const jitterMs = this.strikes >= 2 ? this.random() * waitMs * Math.min(2 ** (this.strikes - 2), 4) : 0;
		this.blockedUntil = Math.max(this.blockedUntil, now + waitMs + jitterMs);
		this.lastBlockAt = now;
		this.probing = true;
		this.remaining = undefined;
	}

	/** A request that ended without an answer gives its reservation back; it may still have been counted. */
	release(now = Date.now()): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.answers.push(now);
		if (this.limit !== undefined && this.answers.length > this.limit) this.answers.shift();
	}
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
