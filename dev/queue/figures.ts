/** What the emulator saw during a scenario, as figures for the report: sends, 429s, token requests, rate. */
import type { RingCentralEmulator } from '../emulator';
import type { JournalEntry } from '../emulator/types';

export interface SendFigures {
	requests: number;
	accepted: number;
	rateLimited: number;
	/** 401: the token had expired; n8n renews it and sends again (RingCentral did not process the request). */
	unauthorized: number;
	otherFailures: number;
	/** Recipients with more than one accepted message. */
	duplicates: string[];
	/** From the first /sms request to the last accepted one. */
	seconds: number;
	/** Accepted messages per second against the Medium group's limit / window. */
	achievedPerSecond: number;
	limitPerSecond: number;
}

/** Figures of the /sms requests journaled since `since` (a journal seq), e.g. one burst. */
export function sendFigures(emulator: RingCentralEmulator, since = 0): SendFigures {
	const sms = emulator.requests({ method: 'POST', path: /\/sms$/ }).filter((entry) => entry.seq > since);
	const accepted = sms.filter((entry) => entry.messageId !== undefined);
	const byRecipient = new Map<string, number>();
	for (const message of emulator.outbound.filter((m) => accepted.some((entry) => entry.messageId === m.id))) {
		for (const to of message.to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
	}
	const first = sms[0]?.time ?? 0;
	const last = accepted.at(-1)?.time ?? first;
	const seconds = (last - first) / 1000;
	const { limit, windowSeconds } = emulator.options.rateLimits.Medium;
	return {
		requests: sms.length,
		accepted: accepted.length,
		rateLimited: sms.filter((entry) => entry.status === 429).length,
		unauthorized: sms.filter((entry) => entry.status === 401).length,
		otherFailures: sms.filter((entry) => entry.status !== 429 && entry.status !== 401 && entry.messageId === undefined).length,
		duplicates: [...byRecipient].filter(([, count]) => count > 1).map(([to]) => to),
		seconds,
		achievedPerSecond: seconds > 0 ? accepted.length / seconds : 0,
		limitPerSecond: limit / windowSeconds,
	};
}

export interface TokenFigures {
	jwtLogins: number;
	refreshes: number;
	refusedRefreshes: number;
	rateLimited: number;
}

export function tokenFigures(emulator: RingCentralEmulator, since = 0): TokenFigures {
	const requests = emulator.tokenRequests().filter((entry) => entry.seq > since);
	const grant = (entry: JournalEntry) => (entry.body as Record<string, unknown> | undefined)?.grant_type;
	const refreshes = requests.filter((entry) => grant(entry) === 'refresh_token');
	return {
		jwtLogins: requests.filter((entry) => grant(entry) === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && entry.status === 200).length,
		refreshes: refreshes.filter((entry) => entry.status === 200).length,
		refusedRefreshes: refreshes.filter((entry) => entry.status === 400 || entry.status === 401).length,
		rateLimited: requests.filter((entry) => entry.status === 429).length,
	};
}

/** The newest journal seq: figures "since" it cover only what follows. */
export function journalMark(emulator: RingCentralEmulator): number {
	return emulator.journal.at(-1)?.seq ?? 0;
}

export function describeSends(label: string, f: SendFigures): string {
	return `${label}: ${f.accepted} accepted of ${f.requests} /sms requests, ${f.rateLimited} answered 429, ${f.unauthorized} answered 401 (token expired), ${f.otherFailures} other failures, ${f.duplicates.length} recipients twice; ${f.seconds.toFixed(1)} s, ${f.achievedPerSecond.toFixed(2)} msg/s of the ${f.limitPerSecond.toFixed(2)} msg/s limit (${Math.round((100 * f.achievedPerSecond) / f.limitPerSecond)} %)`;
}

/** One line per request since `since`: ms after the first, method, path, status, grant or error code. For post-mortems. */
export function timeline(emulator: RingCentralEmulator, since = 0): string {
	const entries = emulator.journal.filter((entry) => entry.seq > since);
	const start = entries[0]?.time ?? 0;
	return entries
		.map((entry) => {
			const grant = (entry.body as Record<string, unknown> | undefined)?.grant_type;
			const auth = (entry.headers.authorization ?? '').slice(-6);
			return `${String(entry.time - start).padStart(6)} ${entry.method} ${entry.path} ${entry.status ?? '-'} ${entry.errorCode ?? ''} ${grant ?? ''} ${auth}`;
		})
		.join('\n');
}
