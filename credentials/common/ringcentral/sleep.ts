/** Waits that survive any length: timers fire at once beyond 2^31-1 ms, which would turn a long wait into a busy loop. */
import { sleep } from 'n8n-workflow';

const MAX_TIMER_MS = 2_147_483_647;

export async function sleepMs(ms: number): Promise<void> {
	let left = Number.isFinite(ms) ? Math.max(0, ms) : 0;
	while (left > 0) {
		const step = Math.min(left, MAX_TIMER_MS);
		await sleep(step);
		left -= step;
	}
}
