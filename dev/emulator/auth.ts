// OAuth: the token endpoint (JWT, refresh and authorization-code grants), sessions and their
// per-user limit, /authorize with automatic consent, /revoke, and the bearer check.
import { randomBytes } from 'node:crypto';
import { ApiError, invalidParameter } from './errors';
import type { RequestContext, Route } from './routes';
import type { ResolvedEmulatorOptions } from './types';

export interface AccessTokenRecord {
	token: string;
	clientId: string;
	ownerId: string;
	endpointId: string;
	/** The session this token belongs to; a refresh keeps it. */
	sessionId: string;
	/** ms since epoch. */
	expiresAt: number;
	revoked: boolean;
	refreshToken: string;
}

interface RefreshTokenRecord {
	token: string;
	accessToken: string;
	sessionId: string;
	expiresAt: number;
	/** Refresh tokens are single use (https://developers.ringcentral.com/guide/authentication/refresh-tokens). */
	revoked: boolean;
}

interface AuthCodeRecord {
	clientId: string;
	redirectUri: string;
	expiresAt: number;
}

/**
 * An authorization session of one user with one app: opened by a login (JWT or authorization
 * code grant), continued by each refresh, ended by /revoke or when the user opens one session
 * too many (https://developers.ringcentral.com/guide/authentication/tokens: "the limit (usually
 * five) of parallel active sessions for the same user").
 */
export interface SessionInfo {
	id: string;
	clientId: string;
	ownerId: string;
	/** ms since epoch. */
	createdAt: number;
	/** The current token pair; every earlier pair of the session is revoked. */
	accessToken: string;
	refreshToken: string;
	/** Why it ended; undefined while active. */
	ended?: 'revoked' | 'sessionLimit';
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
	session_id: string;
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
	/** In the order they were opened. */
	private sessionList = new Map<string, SessionInfo>();

	constructor(private readonly options: ResolvedEmulatorOptions) {}

	/**
	 * A login: opens a new session and issues its first token pair. When the user already holds
	 * maxSessionsPerUser active sessions with this app, the oldest ends first.
	 */
	issue(clientId: string): TokenResponse {
		const ownerId = this.options.extensionId;
		const active = this.sessions().filter((session) => session.clientId === clientId && session.ownerId === ownerId);
		for (const oldest of active.slice(0, Math.max(0, active.length - this.options.maxSessionsPerUser + 1))) {
			this.endSession(oldest, 'sessionLimit');
		}
		const session: SessionInfo = { id: randomToken(12), clientId, ownerId, createdAt: Date.now(), accessToken: '', refreshToken: '' };
		this.sessionList.set(session.id, session);
		return this.issuePair(session);
	}

	/** Sessions still active (not ended, refresh token not expired), oldest first. */
	sessions(now = Date.now()): SessionInfo[] {
		return [...this.sessionList.values()].filter((session) => {
			if (session.ended) return false;
			const refresh = this.refresh.get(session.refreshToken);
			return refresh !== undefined && refresh.expiresAt > now;
		});
	}

	checkAccess(token: string | undefined, now = Date.now()): AccessCheck {
		const record = token ? this.access.get(token) : undefined;
		if (!record || record.revoked) return { ok: false, reason: 'invalid' };
		if (record.expiresAt <= now) return { ok: false, reason: 'expired' };
		return { ok: true, record };
	}

	/**
	 * Uses a refresh token: it and its access token are revoked, and the same session gets a new
	 * pair (a refresh opens no session). Undefined when the token is unknown, used, expired or its
	 * session ended.
	 */
	refreshSession(token: string | undefined, now = Date.now()): TokenResponse | undefined {
		const record = token ? this.refresh.get(token) : undefined;
		if (!record || record.revoked || record.expiresAt <= now) return undefined;
		const session = this.sessionList.get(record.sessionId);
		if (!session || session.ended) return undefined;
		this.revokePair(record.token);
		return this.issuePair(session);
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
		const sessionId = this.access.get(token)?.sessionId ?? this.refresh.get(token)?.sessionId;
		const session = sessionId ? this.sessionList.get(sessionId) : undefined;
		if (session && !session.ended) this.endSession(session, 'revoked');
	}

	/** Every access token issued so far expires now; refresh tokens stay usable. */
	expireAll(): void {
		const now = Date.now();
		for (const record of this.access.values()) record.expiresAt = Math.min(record.expiresAt, now);
	}

	private issuePair(session: SessionInfo): TokenResponse {
		const now = Date.now();
		const access: AccessTokenRecord = {
			token: randomToken(),
			clientId: session.clientId,
			ownerId: session.ownerId,
			endpointId: randomToken(12),
			sessionId: session.id,
			expiresAt: now + this.options.accessTokenTtlSeconds * 1000,
			revoked: false,
			refreshToken: randomToken(),
		};
		this.access.set(access.token, access);
		this.refresh.set(access.refreshToken, {
			token: access.refreshToken,
			accessToken: access.token,
			sessionId: session.id,
			expiresAt: now + this.options.refreshTokenTtlSeconds * 1000,
			revoked: false,
		});
		session.accessToken = access.token;
		session.refreshToken = access.refreshToken;
		return {
			access_token: access.token,
			token_type: 'bearer',
			expires_in: this.options.accessTokenTtlSeconds,
			refresh_token: access.refreshToken,
			refresh_token_expires_in: this.options.refreshTokenTtlSeconds,
			scope: 'SMS ReadAccounts',
			owner_id: access.ownerId,
			endpoint_id: access.endpointId,
			session_id: session.id,
		};
	}

	/** Revokes a refresh token and the access token issued with it. */
	private revokePair(refreshToken: string): void {
		const refresh = this.refresh.get(refreshToken);
		if (!refresh) return;
		refresh.revoked = true;
		const access = this.access.get(refresh.accessToken);
		if (access) access.revoked = true;
	}

	private endSession(session: SessionInfo, why: NonNullable<SessionInfo['ended']>): void {
		session.ended = why;
		this.revokePair(session.refreshToken);
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
		case 'refresh_token': {
			// A refresh continues its session: no new session, so no other session ends.
			const refreshed = tokens.refreshSession(form.refresh_token);
			if (!refreshed) throw new ApiError(400, 'OAU-211', 'Token is revoked or expired', { oauthError: 'invalid_grant' });
			return { status: 200, body: refreshed };
		}
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
	// A login (JWT or authorization code) opens a session; the sixth ends the oldest.
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
	// Unknown, used up by a refresh, revoked, or its session ended by the session limit.
	throw new ApiError(401, 'OAU-129', 'Access token corrupted');
}

export const authRoutes: Route[] = [
	{ method: 'POST', pattern: '/restapi/oauth/token', group: 'Auth', auth: 'none', handler: tokenHandler },
	{ method: 'POST', pattern: '/restapi/oauth/revoke', group: 'Auth', auth: 'none', handler: revokeHandler },
	{ method: 'GET', pattern: '/restapi/oauth/authorize', auth: 'none', handler: authorizeHandler },
];
