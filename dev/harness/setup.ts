// Emulator-backed credentials and node parameters for harness runs (tests, demo, benchmarks).
import './environment';

import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { DEFAULT_A2P_FROM, EMULATOR_DEFAULTS, RingCentralEmulator, type EmulatorOptions } from '../emulator';
import { TestCredentialsHelper } from './credentials';

/** The emulator's number with SmsSender and MmsSender. */
export const SENDER = '+16505550100';
export const RECIPIENT = '+14155550100';
/** The emulator's High Volume SMS number (A2PSmsSender). */
export const A2P_SENDER = DEFAULT_A2P_FROM;

export async function startEmulator(options?: EmulatorOptions): Promise<RingCentralEmulator> {
	return await RingCentralEmulator.start(options);
}

/** A saved JWT credential pointing at the emulator, with no token yet. */
export function jwtCredential(emulator: { url: string }, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		server: 'custom',
		customUrl: emulator.url,
		clientId: EMULATOR_DEFAULTS.clientId,
		clientSecret: EMULATOR_DEFAULTS.clientSecret,
		jwt: EMULATOR_DEFAULTS.jwt,
		accessToken: '',
		...overrides,
	};
}

/** A connected OAuth2 credential: the token pair the authorization-code flow would have stored. */
export function oAuth2Credential(emulator: RingCentralEmulator): ICredentialDataDecryptedObject {
	const token = emulator.issueAccessToken();
	return {
		server: 'custom',
		customUrl: emulator.url,
		clientId: EMULATOR_DEFAULTS.clientId,
		clientSecret: EMULATOR_DEFAULTS.clientSecret,
		oauthTokenData: { ...token, token_type: 'bearer' },
	};
}

export function credentialStore(emulator: RingCentralEmulator, jwtOverrides: ICredentialDataDecryptedObject = {}): TestCredentialsHelper {
	return new TestCredentialsHelper({
		ringCentralJwtApi: jwtCredential(emulator, jwtOverrides),
		ringCentralOAuth2Api: oAuth2Credential(emulator),
	});
}

export function smsParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		authentication: 'jwt',
		resource: 'sms',
		operation: 'send',
		from: { __rl: true, mode: 'list', value: SENDER },
		to: RECIPIENT,
		text: 'Hello from n8n',
		options: {},
		...overrides,
	};
}

export function mmsParameters(overrides: INodeParameters = {}): INodeParameters {
	return smsParameters({ operation: 'sendMms', text: 'A picture', binaryPropertyName: 'data', sendAllBinaryProperties: false, ...overrides });
}

/** The Message resource's parameters for one operation. */
export function messageParameters(operation: 'get' | 'getAll' | 'waitForDelivery' | 'downloadAttachment', overrides: INodeParameters = {}): INodeParameters {
	return { authentication: 'jwt', resource: 'message', operation, options: {}, ...overrides };
}

/** Requests that read the message store (list, message info, bulk reads, content). */
export function storeRequests(emulator: RingCentralEmulator) {
	return emulator.requests({ method: 'GET', path: /\/message-store/ });
}

/** Requests that reached the send endpoints. */
export function sendRequests(emulator: RingCentralEmulator) {
	return emulator.requests({ method: 'POST', path: /\/(sms|mms)$/ });
}

/** High Volume SMS > Send, one item per recipient: To and Text from the item's phone and text. */
export function highVolumeParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		authentication: 'jwt',
		resource: 'highVolumeSms',
		operation: 'send',
		from: { __rl: true, mode: 'list', value: A2P_SENDER },
		to: '={{ $json.phone }}',
		text: '={{ $json.text }}',
		options: {},
		...overrides,
	};
}

/** Requests that reached the High Volume SMS batch endpoint. */
export function batchRequests(emulator: RingCentralEmulator) {
	return emulator.requests({ method: 'POST', path: /\/a2p-sms\/batches$/ });
}
