/** Dates for RingCentral's query parameters: ISO 8601 in UTC, from what n8n's date fields and expressions give. */

export type DateResult = { iso: string } | { problem: string };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Milliseconds the zone is ahead of UTC at `time`. */
function offsetMs(time: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(time));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(time / 1000) * 1000;
}

/**
 * A point in time as RingCentral wants it (2024-05-01T07:00:00.000Z). n8n's date picker gives a
 * wall-clock time without an offset ("2024-05-01T00:00:00"): it is read in the workflow's time
 * zone, as n8n shows it. Values with Z or an offset, Dates, epoch milliseconds and Luxon
 * DateTimes (expressions such as {{ $now.minus({ days: 7 }) }}) are taken as they are.
 */
export function toRingCentralDate(value: unknown, timeZone: string): DateResult {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? { problem: 'it is not a valid date' } : { iso: value.toISOString() };
	if (typeof value === 'number') return Number.isFinite(value) ? { iso: new Date(value).toISOString() } : { problem: 'it is not a valid date' };
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return toRingCentralDate(String((value as { toISO: () => string }).toISO()), timeZone);
	}
	if (typeof value !== 'string') return { problem: 'it is not a date' };
	const text = value.trim();
	const local = LOCAL.exec(text);
	if (local) {
		const [year, month, day, hour, minute, second] = local.slice(1, 7).map((part) => Number(part ?? 0));
		const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number((local[7] ?? '0').padEnd(3, '0')));
		if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== day) return { problem: 'it is not a valid date' };
		let zone = timeZone;
		try {
			offsetMs(wall, zone);
		} catch {
			zone = 'UTC';
		}
		// Twice: the offset at the guessed instant can differ from the offset at the true one (DST).
		const guess = wall - offsetMs(wall, zone);
		return { iso: new Date(wall - offsetMs(guess, zone)).toISOString() };
	}
	if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
		const time = Date.parse(text);
		if (!Number.isNaN(time)) return { iso: new Date(time).toISOString() };
	}
	return { problem: 'it is not a date such as 2024-05-01T09:30:00 or 2024-05-01T09:30:00Z' };
}
