// A credential's token history for tests of late executions: a copy read early, then renewals after it.
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { RingCentralEmulator } from '../emulator';
import type { TestCredentialsHelper } from './credentials';
import { runRingCentral } from './engine';

/**
 * Sends one item `{text: "warm 0"}`, copies the JWT credential as stored then, and for each name in
 * `renewals` expires every token and sends `{text: "<name> 0"}` (n8n refreshes the token once each).
 * Returns the copy: what an execution that read the credential after the warm-up still holds.
 */
export async function copyBeforeRenewals(
	emulator: RingCentralEmulator,
	credentials: TestCredentialsHelper,
	parameters: INodeParameters,
	renewals: string[],
): Promise<ICredentialDataDecryptedObject> {
	const send = async (name: string) => await runRingCentral({ parameters, credentials, items: [{ json: { text: `${name} 0` } }] });
	await send('warm');
	const copy = { ...credentials.stored.ringCentralJwtApi };
	for (const name of renewals) {
		emulator.expireAccessTokens();
		await send(name);
	}
	return copy;
}
