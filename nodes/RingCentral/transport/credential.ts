/** The credential of a node run, read once: server URL, the data handed to n8n, its secrets for scrubbing. */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scrubSecrets, secretsOf } from '../../../credentials/common/ringcentral/apiErrors';
import { resolveServerUrl } from '../../../credentials/common/ringcentral/server';
import { useCredentialStore } from '../../../credentials/common/ringcentral/sharedToken';
import { useTokenPolicy } from '../../../credentials/common/ringcentral/token';
import type { RequestPolicy } from './policy';
import type { RingCentralContext } from './types';


/** The credential type behind the node's Authentication parameter. */
export function credentialTypeFor(authentication: unknown): string {
	return authentication === 'oAuth2' ? 'ringCentralOAuth2Api' : 'ringCentralJwtApi';
}

export interface RunCredential {
	baseUrl: string;
	/** n8n's credential id (or the node name): keys the pacers, never a secret. */
	key: string;
	data: ICredentialDataDecryptedObject;
	/** For JWT, handed to n8n with each request (spares a database read per item; n8n refreshes the token in it). */
	decrypted?: ICredentialsDecrypted;
}

const runCredentials = new WeakMap<object, Map<string, RunCredential>>();

export async function runCredential(context: RingCentralContext, credentialType: string, itemIndex?: number): Promise<RunCredential> {
	const known = runCredentials.get(context) ?? new Map<string, RunCredential>();
	runCredentials.set(context, known);
	let credential = known.get(credentialType);
	if (credential === undefined) {
		const data = await context.getCredentials(credentialType);
		let baseUrl: string;
		try {
			baseUrl = resolveServerUrl(data);
		} catch (error) {
			throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex });
		}
		const details = context.getNode().credentials?.[credentialType];
		// OAuth2 requests read their token themselves; only the JWT credential takes the data.
		const decrypted = credentialType === credentialTypeFor('jwt') && details?.id ? { id: details.id, name: details.name, type: credentialType, data } : undefined;
		// A renewal reads the store again first: another n8n process (queue mode) may have renewed the token.
		if (decrypted) useCredentialStore(data, async () => await context.getCredentials<ICredentialDataDecryptedObject>(credentialType));
		credential = { baseUrl, key: `${credentialType}:${details?.id ?? context.getNode().name}:${baseUrl}`, data, decrypted };
		known.set(credentialType, credential);
	}
	return credential;
}

/** Token requests made for this run honour the node's wait and timeout options. */
export function applyTokenPolicy(credential: RunCredential, policy: RequestPolicy): void {
	useTokenPolicy(credential.data, { maxRateLimitWaitMs: policy.maxRateLimitWaitMs, timeoutMs: policy.timeoutMs });
}

/**
 * A scrubber with every secret of the credential as it is now: n8n may have renewed the tokens since
 * the run began (OAuth2 renews them in its own copy), so an error reads the credential again.
 */
export async function scrubberFor(context: RingCentralContext, credentialType: string, credential?: RunCredential): Promise<(text: string) => string> {
	let current: ICredentialDataDecryptedObject | undefined;
	try {
		current = (await context.getCredentials(credentialType)) as ICredentialDataDecryptedObject;
	} catch {
		current = undefined;
	}
	const secrets = [...new Set([...secretsOf(credential?.data), ...secretsOf(current)])].sort((a, b) => b.length - a.length);
	return (text: string) => scrubSecrets(text, secrets);
}
