/** The JWT credential's token when several n8n processes share it (queue mode) through n8n's credential store. */
import { randomUUID } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { sleepMs } from './sleep';

/**
 * In n8n's queue mode every worker reads the token from the credential store, but renews it in its
 * own memory: two workers meeting the same expired token would both spend its refresh token, which
 * RingCentral accepts once, and the loser would open a new session (5 per user) with a login
 * (5 a minute). So a renewal first reads the store again: a newer token that another process stored
 * is taken as it is; a token that another process obtained is left to that process for a moment.
 */
const THIS_PROCESS = randomUUID();

/** How long a process waits for the process that obtained the stored token to renew it. */
const HOLDER_GRACE_MS = 2000;

/** After a refused refresh: how long to look for the token another process just got with it. */
const RACE_WAIT_MS = 3000;

const POLL_MS = 200;

/** Stored next to the token, as JSON: who obtained it, when, and until when it is valid (ms). */
interface Lease {
	by: string;
	at: number;
	expiresAt: number;
}

export type CredentialStoreReader = () => Promise<ICredentialDataDecryptedObject | undefined>;

const readers = new WeakMap<object, CredentialStoreReader>();

/** The node's transport says how to read the credential as stored now (n8n reads its database). */
export function useCredentialStore(credentials: ICredentialDataDecryptedObject, read: CredentialStoreReader): void {
	readers.set(credentials, read);
}

/** The `lease` field (hidden, JSON) for a token this process just obtained. */
export function leaseField(expiresInSeconds: number, now = Date.now()): IDataObject {
	const issue: Lease = { by: THIS_PROCESS, at: now, expiresAt: now + expiresInSeconds * 1000 };
	return { lease: JSON.stringify(issue) };
}

/** When the token in `data` was obtained (ms), 0 for none or one stored without a lease. */
export function tokenIssuedAt(data: IDataObject): number {
	return String(data.accessToken ?? '') === '' ? 0 : (leaseOf(data)?.at ?? 0);
}

function leaseOf(data: IDataObject): Lease | undefined {
	try {
		const issue = JSON.parse(String(data.lease ?? '')) as Lease;
		return typeof issue?.by === 'string' && Number.isFinite(issue.at) && Number.isFinite(issue.expiresAt) ? issue : undefined;
	} catch {
		return undefined;
	}
}

/** A stored token newer than the presented one, of the same session owner, and good for a while yet. */
function adoptable(stored: ICredentialDataDecryptedObject, owner: string, presented: ICredentialDataDecryptedObject): boolean {
	const token = String(stored.accessToken ?? '');
	const issue = leaseOf(stored);
	if (stored.sessionOwner !== owner || token === '' || token === String(presented.accessToken ?? '') || !issue) return false;
	if (issue.at <= (leaseOf(presented)?.at ?? 0)) return false;
	// As for a token of one's own: not when it is about to expire (60 s, or a quarter of a short life).
	const marginMs = Math.min(60_000, (issue.expiresAt - issue.at) / 4);
	return issue.expiresAt - Date.now() > marginMs;
}

export interface AdoptedToken {
	fields: IDataObject;
	expiresInSeconds: number;
}

function adopt(stored: ICredentialDataDecryptedObject): AdoptedToken {
	const issue = leaseOf(stored)!;
	return {
		fields: { accessToken: stored.accessToken, refreshToken: stored.refreshToken ?? '', sessionOwner: stored.sessionOwner, lease: stored.lease },
		expiresInSeconds: Math.max(0, Math.floor((issue.expiresAt - Date.now()) / 1000)),
	};
}

async function readStore(read: CredentialStoreReader): Promise<ICredentialDataDecryptedObject | undefined> {
	try {
		return await read();
	} catch {
		return undefined;
	}
}

async function lookFor(read: CredentialStoreReader, owner: string, presented: ICredentialDataDecryptedObject, waitMs: number): Promise<AdoptedToken | undefined> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const stored = await readStore(read);
		if (stored && adoptable(stored, owner, presented)) return adopt(stored);
		if (Date.now() + POLL_MS > deadline) return undefined;
		await sleepMs(POLL_MS);
	}
}

export interface StoreView {
	/** A token to take as it is. */
	adopted?: AdoptedToken;
	/** Otherwise renew this one: the stored token when it is newer than the presented one. */
	latest: ICredentialDataDecryptedObject;
}

/**
 * Before a token request: the token another n8n process already stored, or (when another process
 * obtained the newest token) the one it stores within a moment. Without one, `latest` says which
 * token to renew: a run that kept an older token must not spend its refresh token, already used.
 */
export async function tokenFromOtherProcess(credentials: ICredentialDataDecryptedObject, owner: string): Promise<StoreView> {
	const read = readers.get(credentials);
	const stored = read && (await readStore(read));
	if (!read || !stored) return { latest: credentials };
	if (adoptable(stored, owner, credentials)) return { adopted: adopt(stored), latest: stored };
	const newer = stored.sessionOwner === owner && String(stored.accessToken ?? '') !== '' && (leaseOf(stored)?.at ?? 0) >= (leaseOf(credentials)?.at ?? 0);
	const latest = newer ? stored : credentials;
	const holder = leaseOf(latest)?.by;
	if (String(latest.accessToken ?? '') !== '' && holder !== undefined && holder !== THIS_PROCESS) {
		const adopted = await lookFor(read, owner, latest, HOLDER_GRACE_MS);
		return { adopted, latest };
	}
	return { latest };
}

/** After RingCentral refused a refresh: another process may have spent that refresh token just before. */
export async function tokenAfterRefusedRefresh(credentials: ICredentialDataDecryptedObject, latest: ICredentialDataDecryptedObject, owner: string): Promise<AdoptedToken | undefined> {
	const read = readers.get(credentials);
	return read ? await lookFor(read, owner, latest, RACE_WAIT_MS) : undefined;
}
