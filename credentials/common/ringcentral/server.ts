/** The RingCentral server a credential talks to: the choice, and the rule that tokens travel only over https. */
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

import { displayUrl } from './apiErrors';

export const RINGCENTRAL_SERVER = 'https://platform.ringcentral.com';
export const OFFICE_AT_HAND_SERVER = 'https://platform.ringcentral.biz';

/** Server choice shared by the JWT and OAuth2 credentials. */
export const serverProperties: INodeProperties[] = [
	{
		displayName: 'Server',
		name: 'server',
		type: 'options',
		options: [
			{
				name: 'RingCentral',
				value: RINGCENTRAL_SERVER,
				description: 'RingCentral accounts (platform.ringcentral.com)',
			},
			{
				name: 'AT&T Office@Hand / Verizon',
				value: OFFICE_AT_HAND_SERVER,
				description: 'Accounts of RingCentral partners AT&T Office@Hand and Verizon (platform.ringcentral.biz)',
			},
			{
				name: 'Custom URL',
				value: 'custom',
				description: 'Another RingCentral API server, e.g. a local test server',
			},
		],
		default: RINGCENTRAL_SERVER,
	},
	{
		displayName: 'Custom URL',
		name: 'customUrl',
		type: 'string',
		default: '',
		placeholder: 'https://platform.example.com',
		description:
			'Base URL of the RingCentral API server. Must start with https://; http:// is accepted only for a loopback host such as http://127.0.0.1:8080.',
		displayOptions: { show: { server: ['custom'] } },
	},
];

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** A host name of this machine (127.x, localhost, [::1]): plain http stays on it. */
export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOST.test(hostname);
}

/** The same choice as an n8n expression, for fields n8n resolves itself (test request, OAuth URLs). */
export function serverUrlExpression(ref: '$credentials' | '$self', path = ''): string {
	const custom = `String(${ref}.customUrl).trim().replace(/\\/+$/, '')`;
	// Tokens must never travel unencrypted: a non-loopback http:// URL is upgraded to https://.
	const secured = `${custom}.replace(/^http:\\/\\/(?!(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\])(:\\d+)?(\\/|$))/i, 'https://')`;
	return `={{ ${ref}.server === 'custom' ? ${secured} : ${ref}.server }}${path}`;
}

/**
 * Base URL of the API for these credentials. A Custom URL must use https, except on a loopback
 * host, so that client secrets and tokens never cross a network in clear text.
 */
export function resolveServerUrl(credentials: ICredentialDataDecryptedObject): string {
	const server = String(credentials.server ?? RINGCENTRAL_SERVER);
	if (server !== 'custom') return server.replace(/\/+$/, '');
	const raw = String(credentials.customUrl ?? '').trim();
	// A password written into the URL must not reach an error message.
	const shown = displayUrl(raw);
	const url = URL.canParse(raw) ? new URL(raw) : undefined;
	if (!url) {
		throw new Error(
			`The credential's Custom URL "${shown}" is not a valid URL. Enter the API server's base URL, e.g. ${RINGCENTRAL_SERVER}.`,
		);
	}
	const secure = url.protocol === 'https:';
	const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname);
	if (!secure && !loopbackHttp) {
		throw new Error(
			`The credential's Custom URL "${shown}" is refused: it must start with https:// (http:// is allowed only for a loopback host such as 127.0.0.1 or localhost), so that tokens never travel unencrypted.`,
		);
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * RingCentral's media entry point for a server: content downloads "must be called via media API
 * entry point, e.g. https://media.ringcentral.com" (API reference, readMessageContent). A Custom URL
 * (e.g. a local test server) serves both.
 */
export function mediaServerUrl(baseUrl: string): string {
	if (baseUrl === RINGCENTRAL_SERVER) return 'https://media.ringcentral.com';
	if (baseUrl === OFFICE_AT_HAND_SERVER) return 'https://media.ringcentral.biz';
	return baseUrl;
}

/** RingCentral's media hosts: media.ringcentral.com, media.ringcentral.biz and their regional variants (media.devtest…, media-xx…). */
const MEDIA_HOST = /^media([.-][a-z0-9-]+)*\.ringcentral\.(com|biz)$/i;

/**
 * The origin a request may be sent to with the credential's token: the credential's own server, or
 * one of RingCentral's media hosts over https (attachment URIs point there). Anything else is
 * refused (undefined), so a URI named in an event never carries the token to another host.
 */
export function trustedOrigin(baseUrl: string, origin: string): string | undefined {
	if (!URL.canParse(origin)) return undefined;
	const url = new URL(origin);
	if (url.origin === new URL(baseUrl).origin) return baseUrl;
	const defaultPort = url.port === '' || url.port === '443';
	if (url.protocol === 'https:' && defaultPort && MEDIA_HOST.test(url.hostname) && !url.username && !url.password) return `https://${url.hostname.toLowerCase()}`;
	return undefined;
}
