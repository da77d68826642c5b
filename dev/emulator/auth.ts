// OAuth: the token endpoint (JWT, refresh and authorization-code grants),
// /authorize with automatic consent, /revoke, and the bearer check.
import { randomBytes } from 'node:crypto';
import { ApiError, invalidParameter } from './errors';
import type { RequestContext, Route } from './routes';
import type { ResolvedEmulatorOptions } from './types';

export interface AccessTokenRecord {
	token: string;
	clientId: string;
	ownerId: string;
	endpointId: string;
	/** ms since epoch. */
	expiresAt: number;
	revoked: boolean;
	refreshToken: string;
}

interface RefreshTokenRecord {
	token: string;
	accessToken: string;
	expiresAt: number;
	/** Refresh tokens are single use (https://developers.ringcentral.com/guide/authentication/refresh-tokens). */
	revoked: boolean;
}

interface AuthCodeRecord {
	clientId: string;
	redirectUri: string;
	expiresAt: number;
}

export interface TokenResponse {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	refresh_token: string;
	refresh_token_expires_in: number;
	scope: string;
	owner_id: string;
	endpoint_id: string;
}

export type AccessCheck = { ok: true; record: AccessTokenRecord } | { ok: false; reason: 'expired' | 'invalid' };

const AUTH_CODE_TTL_SECONDS = 60;

/** Opaque random token; distinct per issue. */
function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

export class TokenStore {
	private access = new Map<string, AccessTokenRecord>();
	private refresh = new Map<string, RefreshTokenRecord>();
	private codes = new Map<string, AuthCodeRecord>();

	constructor(private readonly options: ResolvedEmulatorOptions) {}

	issue(clientId: string): TokenResponse {
		const now = Date.now();
		const access: AccessTokenRecord = {
			token: randomToken(),
			clientId,
			ownerId: this.options.extensionId,
			endpointId: randomToken(12),
			expiresAt: now + this.options.accessTokenTtlSeconds * 1000,
			revoked: false,
			refreshToken: randomToken(),
		};
		this.access.set(access.token, access);
		this.refresh.set(access.refreshToken, {
			token: access.refreshToken,
			accessToken: access.token,
			expiresAt: now + this.options.refreshTokenTtlSeconds * 1000,
			revoked: false,
		});
		return {
			access_token: access.token,
			token_type: 'bearer',
			expires_in: this.options.accessTokenTtlSeconds,
			refresh_token: access.refreshToken,
			refresh_token_expires_in: this.options.refreshTokenTtlSeconds,
			scope: 'SMS ReadAccounts',
			owner_id: access.ownerId,
			endpoint_id: access.endpointId,
		};
	}

	checkAccess(token: string | undefined, now = Date.now()): AccessCheck {
		const record = token ? this.access.get(token) : undefined;
		if (!record || record.revoked) return { ok: false, reason: 'invalid' };
		if (record.expiresAt <= now) return { ok: false, reason: 'expired' };
		return { ok: true, record };
	}

	/** Uses a refresh token: invalidates it and its access token. False when unusable. */
	consumeRefreshToken(token: string | undefined, now = Date.now()): boolean {
		const record = token ? this.refresh.get(token) : undefined;
		if (!record || record.revoked || record.expiresAt <= now) return false;
		record.revoked = true;
		const access = this.access.get(record.accessToken);
		if (access) access.revoked = true;
		return true;
	}

	createCode(clientId: string, redirectUri: string): string {
		const code = randomToken(16);
		this.codes.set(code, { clientId, redirectUri, expiresAt: Date.now() + AUTH_CODE_TTL_SECONDS * 1000 });
		return code;
	}

	/** Single use: a redeemed code is gone. Returns why it failed, or undefined on success. */
	redeemCode(code: string | undefined, clientId: string, redirectUri: string | undefined): string | undefined {
		const record = code ? this.codes.get(code) : undefined;
		if (!record || record.expiresAt <= Date.now() || record.clientId !== clientId) {
			return 'Authorization code is invalid or expired';
		}
		if (record.redirectUri !== redirectUri) return 'Redirect URI mismatch';
		this.codes.delete(code as string);
		return undefined;
	}

	/** Revoking either token ends the whole session (https://developers.ringcentral.com/guide/authentication/tokens). */
	revoke(token: string): void {
		const access = this.access.get(token);
		const refresh = this.refresh.get(access ? access.refreshToken : token);
		if (refresh) {
			refresh.revoked = true;
			const pair = this.access.get(refresh.accessToken);
			if (pair) pair.revoked = true;
		}
		if (access) access.revoked = true;
	}

	/** Every access token issued so far expires now; refresh tokens stay usable. */
	expireAll(): void {
		const now = Date.now();
		for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, now);
	}
}

/** Client id from `Authorization: Basic`, for rate-limit keys and client auth. */
export function parseBasicAuth(header: string | undefined): { clientId: string; secret: string } | undefined {
	const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function formDecode(value: string): string {
	// RFC 6749 §2.3.1 form-encodes id and secret before base64; accept both styles.
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return value;
	}
}

/** RingCentral wants client_secret_basic; body credentials are refused. */
function authenticateClient(ctx: RequestContext): string {
	const { clientId, clientSecret } = ctx.state.options;
	const form = ctx.body.form ?? {};
	const basic = parseBasicAuth(ctx.headers.authorization);
	if (!basic || form.client_secret !== undefined) {
		throw new ApiError(401, 'OAU-123', 'Client authentication is required', { oauthError: 'invalid_client' });
	}
	const idOk = basic.clientId === clientId || formDecode(basic.clientId) === clientId;
	const secretOk = basic.secret === clientSecret || formDecode(basic.secret) === clientSecret;
	if (!idOk || !secretOk) {
		// Name the client, never echo the secret.
		throw new ApiError(401, 'OAU-153', `Invalid client: ${basic.clientId}`, { oauthError: 'invalid_client' });
	}
	return clientId;
}

function requireForm(ctx: RequestContext): Record<string, string> {
	if (ctx.body.mediaType !== 'application/x-www-form-urlencoded' || !ctx.body.form) {
		// Error code chosen by the emulator; the spec only documents a 415 here.
		throw new ApiError(415, 'CMN-415', 'Unsupported Media Type: use application/x-www-form-urlencoded', {
			oauthError: 'invalid_request',
		});
	}
	return ctx.body.form;
}

function tokenHandler(ctx: RequestContext) {
	const form = requireForm(ctx);
	const clientId = authenticateClient(ctx);
	const tokens = ctx.state.tokens;
	switch (form.grant_type) {
		case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
			if (form.assertion !== ctx.state.options.jwt) {
				// Never echo the assertion: it is a credential.
				throw new ApiError(400, 'OAU-213', 'Token not found', { oauthError: 'invalid_grant' });
			}
			break;
		case 'refresh_token':
			if (!tokens.consumeRefreshToken(form.refresh_token)) {
				throw new ApiError(400, 'OAU-211', 'Token is revoked or expired', { oauthError: 'invalid_grant' });
			}
			break;
		case 'authorization_code': {
			const failure = tokens.redeemCode(form.code, clientId, form.redirect_uri);
			if (failure) throw new ApiError(400, 'OAU-109', failure, { oauthError: 'invalid_grant' });
			break;
		}
		default:
			throw new ApiError(400, 'CMN-101', `Unsupported grant type [${form.grant_type ?? ''}]`, {
				parameterName: 'grant_type',
				oauthError: 'unsupported_grant_type',
			});
	}
	return { status: 200, body: tokens.issue(clientId) };
}

function revokeHandler(ctx: RequestContext) {
	const form = requireForm(ctx);
	authenticateClient(ctx);
	const token = form.token ?? ctx.query.get('token') ?? undefined;
	if (!token) throw new ApiError(400, 'CMN-101', 'Parameter [token] value is invalid.', {
		parameterName: 'token',
		oauthError: 'invalid_request',
	});
	ctx.state.tokens.revoke(token);
	return { status: 200, body: {} };
}

/** Auto-consent: the user "logs in and allows" instantly. */
function authorizeHandler(ctx: RequestContext) {
	const clientId = ctx.query.get('client_id') ?? '';
	if (clientId !== ctx.state.options.clientId) {
		throw new ApiError(400, 'OAU-153', `Invalid client: ${clientId}`, { oauthError: 'invalid_client' });
	}
	if (ctx.query.get('response_type') !== 'code') {
		throw new ApiError(400, 'CMN-101', 'Parameter [response_type] value is invalid.', {
			parameterName: 'response_type',
			oauthError: 'unsupported_response_type',
		});
	}
	const redirectUri = ctx.query.get('redirect_uri') ?? '';
	let location: URL;
	try {
		location = new URL(redirectUri);
	} catch {
		throw invalidParameter('redirect_uri');
	}
	location.searchParams.set('code', ctx.state.tokens.createCode(clientId, redirectUri));
	const state = ctx.query.get('state');
	if (state !== null) location.searchParams.set('state', state);
	location.searchParams.set('expires_in', String(AUTH_CODE_TTL_SECONDS));
	return { status: 302, headers: { Location: location.toString() } };
}

/** The bearer check for /restapi/v1.0 routes. */
export function authenticateBearer(ctx: RequestContext): AccessTokenRecord {
	const match = /^Bearer\s+(\S+)$/i.exec(ctx.headers.authorization ?? '');
	const token = match ? match[1] : (ctx.query.get('access_token') ?? undefined);
	const check = ctx.state.tokens.checkAccess(token);
	if (check.ok) return check.record;
	if (check.reason === 'expired') throw new ApiError(401, 'OAU-128', 'Access token expired');
	throw new ApiError(401, 'OAU-129', 'Access token corrupted');
}

export const authRoutes: Route[] = [
	{ method: 'POST', pattern: '/restapi/oauth/token', group: 'Auth', auth: 'none', handler: tokenHandler },
	{ method: 'POST', pattern: '/restapi/oauth/revoke', group: 'Auth', auth: 'none', handler: revokeHandler },
	{ method: 'GET', pattern: '/restapi/oauth/authorize', auth: 'none', handler: authorizeHandler },
];
