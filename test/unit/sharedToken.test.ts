import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { leaseField, tokenFromOtherProcess, useCredentialStore } from '../../credentials/common/ringcentral/sharedToken';

const OWNER = 'owner-1';
const lease = (by: string, at: number, lifeSeconds = 3600) => JSON.stringify({ by, at, expiresAt: at + lifeSeconds * 1000 });

/** The run's copy of the credential, reading `store` as n8n reads its database. */
function runCopy(data: ICredentialDataDecryptedObject, store: { current: ICredentialDataDecryptedObject }): ICredentialDataDecryptedObject {
	const copy = { ...data };
	useCredentialStore(copy, async () => ({ ...store.current }));
	return copy;
}

describe('A token shared by several n8n processes through the credential store (queue mode)', () => {
	const now = Date.now();
	const old = { accessToken: 'AT-old', refreshToken: 'RT-old', sessionOwner: OWNER, lease: lease('other-process', now - 60_000) };

	test('without a store reader (the credential test, older callers) nothing changes', async () => {
		const credentials = { ...old };
		expect(await tokenFromOtherProcess(credentials, OWNER)).toEqual({ latest: credentials });
	});

	test('a newer token another process stored is taken as it is: no token request', async () => {
		const store = { current: { accessToken: 'AT-new', refreshToken: 'RT-new', sessionOwner: OWNER, lease: lease('other-process', now) } };
		const view = await tokenFromOtherProcess(runCopy(old, store), OWNER);
		expect(view.adopted?.fields).toMatchObject({ accessToken: 'AT-new', refreshToken: 'RT-new' });
		expect(view.adopted?.expiresInSeconds).toBeGreaterThan(3500);
	});

	test('another process obtained the expired token: it gets a moment to renew it, and its new token is taken', async () => {
		const store = { current: { ...old } };
		setTimeout(() => (store.current = { accessToken: 'AT-renewed', refreshToken: 'RT-renewed', sessionOwner: OWNER, lease: lease('other-process', Date.now()) }), 300);
		const view = await tokenFromOtherProcess(runCopy(old, store), OWNER);
		expect(view.adopted?.fields.accessToken).toBe('AT-renewed');
	});

	test('this process obtained the token: it renews it at once, with the stored refresh token', async () => {
		const mine = { accessToken: 'AT-mine', refreshToken: 'RT-mine', sessionOwner: OWNER, ...leaseField(3600, now - 60_000) };
		const store = { current: { ...mine } };
		const started = Date.now();
		const view = await tokenFromOtherProcess(runCopy(mine, store), OWNER);
		// Not the 2 s a token obtained by another process is given; the margin is for a busy machine.
		expect(Date.now() - started).toBeLessThan(1000);
		expect(view.adopted).toBeUndefined();
		expect(view.latest.refreshToken).toBe('RT-mine');
	});

	test('a run that kept an older token renews the newest stored one, never its own spent refresh token', async () => {
		const newestButExpiring = { accessToken: 'AT-2', refreshToken: 'RT-2', sessionOwner: OWNER, ...leaseField(1, now - 5_000) };
		const store = { current: { ...newestButExpiring } };
		const view = await tokenFromOtherProcess(runCopy(old, store), OWNER);
		expect(view.adopted).toBeUndefined();
		expect(view.latest.refreshToken).toBe('RT-2');
	});

	test("a token stored for another app, JWT or server (another session owner) is never taken", async () => {
		const store = { current: { accessToken: 'AT-x', refreshToken: 'RT-x', sessionOwner: 'someone-else', lease: lease('other-process', now) } };
		const view = await tokenFromOtherProcess(runCopy(old, store), OWNER);
		expect(view.adopted).toBeUndefined();
	});
});
