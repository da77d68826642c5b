// The HTTP server: routing, the request pipeline (bearer → rate limit → fault →
// handler) and the journal of everything clients sent.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { a2pRoutes } from './a2p';
import { A2pStore } from './a2pStore';
import { accountRoutes } from './account';
import { authRoutes, authenticateBearer, parseBasicAuth, TokenStore, type SessionInfo } from './auth';
import { describePart, journalBody, parseBody } from './body';
import { ApiError, defaultErrorForStatus, errorBody, errorCodeOf } from './errors';
import { FaultQueue, isProcessed } from './faults';
import { DEFAULT_PHONE_NUMBERS, EMULATOR_DEFAULTS } from './fixtures';
import { inboundOf, inboundRoutes, injectInboundSms, type InboundEvent, type InboundResult, type InboundSms } from './inboundEvents';
import { messageRoutes } from './messages';
import { resolveMessageStore } from './messageStatus';
import { messageStoreRoutes } from './messageStore';
import { RateLimiter, resolveRateLimits } from './rateLimits';
import { subscriptionRoutes } from './subscriptions';
import { subscriptionsOf, type SubscriptionStore } from './subscriptionStore';
import {
	compileRoute,
	matchRoute,
	type CompiledRoute,
	type EmulatorState,
	type HandlerResult,
	type RequestContext,
	type Route,
} from './routes';
import type {
	EmulatorOptions,
	Fault,
	FaultKind,
	JournalEntry,
	RateLimitConfig,
	RateLimitGroup,
	ResolvedEmulatorOptions,
	StoredMessage,
} from './types';

export function defaultRoutes(): Route[] {
	return [...authRoutes, ...accountRoutes, ...messageRoutes, ...messageStoreRoutes, ...a2pRoutes, ...subscriptionRoutes, ...inboundRoutes];
}

function resolveOptions(options: EmulatorOptions): ResolvedEmulatorOptions {
	const maxSessionsPerUser = options.maxSessionsPerUser ?? 5;
	if (!Number.isInteger(maxSessionsPerUser) || maxSessionsPerUser < 1) throw new Error('maxSessionsPerUser must be a whole number of at least 1');
	return {
		port: options.port ?? 0,
		clientId: options.clientId ?? EMULATOR_DEFAULTS.clientId,
		clientSecret: options.clientSecret ?? EMULATOR_DEFAULTS.clientSecret,
		jwt: options.jwt ?? EMULATOR_DEFAULTS.jwt,
		accountId: EMULATOR_DEFAULTS.accountId,
		extensionId: EMULATOR_DEFAULTS.extensionId,
		accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
		refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 604800,
		rateLimits: resolveRateLimits(options.rateLimits),
		maxSessionsPerUser,
		phoneNumbers: (options.phoneNumbers ?? DEFAULT_PHONE_NUMBERS).map((n) => ({ ...n, features: [...n.features] })),
		phoneNumbersPerPage: options.phoneNumbersPerPage ?? 100,
		messageStore: resolveMessageStore(options.messageStore),
		a2p: { timeScale: options.a2p?.timeScale ?? 1 },
	};
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

/** One request in flight. */
interface Exchange {
	ctx: RequestContext;
	res: ServerResponse;
	entry: JournalEntry;
	route?: CompiledRoute;
	rateHeaders: Record<string, string>;
	/** The client went away before we answered. */
	gone: boolean;
}

export class RingCentralEmulator implements EmulatorState {
	readonly journal: JournalEntry[] = [];
	/** The message store: messages sent through /sms and /mms, and received ones (inbound.ts). */
	readonly messages: StoredMessage[] = [];

	/** Messages sent through /sms and /mms, oldest first. */
	get outbound(): StoredMessage[] {
		return this.messages.filter((message) => message.info.direction === 'Outbound');
	}
	readonly tokens: TokenStore;
	/** High Volume SMS batches, messages and opt-outs. */
	readonly a2p: A2pStore;
	private readonly resolved: ResolvedEmulatorOptions;
	private readonly routes: CompiledRoute[];
	private readonly limiter: RateLimiter;
	private readonly faults = new FaultQueue();
	private readonly server: Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private baseUrl = '';
	private seq = 0;
	// Ids look like RingCentral's int64 ids and never repeat, not even after reset().
	private lastId = 400000000000;

	private constructor(options: ResolvedEmulatorOptions) {
		this.resolved = options;
		this.tokens = new TokenStore(options);
		this.a2p = new A2pStore(options.a2p);
		this.limiter = new RateLimiter(options.rateLimits);
		this.routes = defaultRoutes().map(compileRoute);
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	static async start(options: EmulatorOptions = {}): Promise<RingCentralEmulator> {
		const emulator = new RingCentralEmulator(resolveOptions(options));
		await new Promise<void>((resolve, reject) => {
			emulator.server.once('error', reject);
			emulator.server.listen(emulator.resolved.port, '127.0.0.1', () => resolve());
		});
		const { port } = emulator.server.address() as AddressInfo;
		emulator.resolved.port = port;
		emulator.baseUrl = `http://127.0.0.1:${port}`;
		return emulator;
	}

	/** e.g. http://127.0.0.1:41234, no trailing slash. */
	get url(): string {
		return this.baseUrl;
	}

	/** Resolved options; `port` is the bound port. */
	get options(): ResolvedEmulatorOptions {
		return this.resolved;
	}

	nextId(): string {
		return String(++this.lastId);
	}

	requests(filter: { method?: string; path?: string | RegExp } = {}): JournalEntry[] {
		return this.journal.filter((entry) => {
			if (filter.method && entry.method !== filter.method.toUpperCase()) return false;
			if (filter.path === undefined) return true;
			if (typeof filter.path === 'string') return entry.path === filter.path;
			filter.path.lastIndex = 0;
			return filter.path.test(entry.path);
		});
	}

	tokenRequests(grantType?: string): JournalEntry[] {
		return this.requests({ method: 'POST', path: '/restapi/oauth/token' }).filter(
			(entry) => grantType === undefined || (entry.body as Record<string, unknown> | undefined)?.grant_type === grantType,
		);
	}

	injectFault(fault: Fault): void {
		this.faults.add(fault);
	}

	/** Until the next reset(); undefined puts RingCentral's default for the group back. */
	setRateLimit(group: RateLimitGroup, config: RateLimitConfig | undefined): void {
		this.limiter.set(group, config);
	}

	/** The user's active sessions with the app, oldest first (at most options.maxSessionsPerUser). */
	sessions(): SessionInfo[] {
		return this.tokens.sessions();
	}

	expireAccessTokens(): void {
		this.tokens.expireAll();
	}

	/**
	 * A valid pair without a token request, for tests that start "already connected" (an OAuth2
	 * credential): it opens a session like a login, so it counts towards maxSessionsPerUser.
	 */
	issueAccessToken(): { access_token: string; refresh_token: string; expires_in: number } {
		const { access_token, refresh_token, expires_in } = this.tokens.issue(this.resolved.clientId);
		return { access_token, refresh_token, expires_in };
	}

	/** Webhook subscriptions, their handshakes and deliveries (blacklist, expire or remove one to test recovery). */
	get subscriptions(): SubscriptionStore {
		return subscriptionsOf(this);
	}

	/** Inbound texts announced to subscriptions so far (injectInboundSms). */
	get inbound(): InboundEvent[] {
		return inboundOf(this);
	}

	/** A text (or MMS, with attachments) arrives: stored, then POSTed to every active subscription. */
	async injectInboundSms(sms: InboundSms): Promise<InboundResult> {
		return await injectInboundSms(this, sms);
	}

	/** Later additions win over the defaults (they are matched first). */
	addRoute(route: Route): void {
		this.routes.unshift(compileRoute(route));
	}

	/**
	 * Clears journal, messages, subscriptions, faults and rate-limit state (configs back to the
	 * options'); issued tokens and their sessions stay valid.
	 */
	reset(): void {
		this.journal.length = 0;
		this.messages.length = 0;
		this.a2p.reset();
		this.faults.clear();
		this.limiter.reset();
		this.subscriptions.clear();
		this.inbound.length = 0;
		this.seq = 0;
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		let raw: Buffer;
		try {
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			raw = Buffer.concat(chunks);
		} catch {
			return; // the client aborted while uploading
		}
		const url = new URL(req.url ?? '/', 'http://emulator.invalid');
		const method = (req.method ?? 'GET').toUpperCase();
		const headers = flattenHeaders(req.headers);
		const body = parseBody(raw, headers['content-type']);

		const entry: JournalEntry = {
			seq: ++this.seq,
			time: Date.now(),
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers,
			status: null,
		};
		const shownBody = journalBody(body);
		if (shownBody !== undefined) entry.body = shownBody;
		if (body.parts) entry.parts = body.parts.map(describePart);
		this.journal.push(entry);

		const matched = matchRoute(this.routes, method, url.pathname);
		const ctx: RequestContext = {
			state: this,
			req,
			method,
			pathname: url.pathname,
			query: url.searchParams,
			params: matched?.params ?? {},
			headers,
			body,
		};
		const ex: Exchange = { ctx, res, entry, route: matched?.route, rateHeaders: {}, gone: false };
		res.on('close', () => {
			if (!res.writableFinished) ex.gone = true;
		});
		if (ex.route?.group) entry.group = ex.route.group;

		try {
			await this.pipeline(ex);
		} catch (error) {
			// A bug in a handler: answer like RingCentral's generic 500 rather than hang.
			const message = error instanceof Error ? error.message : String(error);
			this.send(ex, { status: 500, body: errorBody('CMN-203', `Internal Server Error: ${message}`) });
		}
	}

	private rateKey(ex: Exchange): string {
		if (ex.route?.group === 'Auth') {
			return `client:${parseBasicAuth(ex.ctx.headers.authorization)?.clientId ?? 'anonymous'}`;
		}
		return `owner:${ex.ctx.token?.ownerId ?? this.resolved.extensionId}`;
	}

	private async pipeline(ex: Exchange): Promise<void> {
		const group = ex.route?.group;
		if (ex.route?.auth === 'bearer') {
			try {
				ex.ctx.token = authenticateBearer(ex.ctx);
			} catch (error) {
				// Rejected before the limiter: not counted, but headers still shown.
				if (group) ex.rateHeaders = this.limiter.peek(this.rateKey(ex), group);
				return this.send(ex, toResult(error));
			}
		}
		if (group) {
			const decision = this.limiter.hit(this.rateKey(ex), group);
			ex.rateHeaders = decision.headers;
			if (!decision.allowed) return this.send(ex, { status: 429, body: errorBody('CMN-301', 'Request rate exceeded') });
		}
		const fault = this.faults.take(ex.ctx.method, ex.ctx.pathname);
		if (fault) {
			ex.entry.fault = fault.kind;
			return this.applyFault(ex, fault);
		}
		this.send(ex, await this.runRoute(ex));
	}

	/** Runs the route's handler (or the 404); records an accepted message in the journal. */
	private async runRoute(ex: Exchange): Promise<HandlerResult> {
		if (!ex.route) {
			return {
				status: 404,
				body: errorBody('CMN-102', `Resource for parameter [${ex.ctx.method} ${ex.ctx.pathname}] is not found`),
			};
		}
		let result: HandlerResult;
		try {
			result = await ex.route.handler(ex.ctx);
		} catch (error) {
			result = toResult(error);
		}
		if (result.messageId) ex.entry.messageId = result.messageId;
		return result;
	}

	private async applyFault(ex: Exchange, fault: FaultKind): Promise<void> {
		const processed = isProcessed(fault);
		switch (fault.kind) {
			case 'rateLimited': {
				const headers: Record<string, string> = {};
				if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
				return this.send(ex, { status: 429, body: errorBody('CMN-301', 'Request rate exceeded'), headers });
			}
			case 'expiredToken':
				return this.send(ex, { status: 401, body: errorBody('OAU-128', 'Access token expired') });
			case 'status':
				if (processed) await this.runRoute(ex);
				return this.send(ex, {
					status: fault.status,
					body: fault.body === undefined ? defaultErrorForStatus(fault.status) : fault.body,
					headers: fault.headers,
				});
			case 'drop':
				if (processed) await this.runRoute(ex);
				ex.entry.status = null;
				ex.ctx.req.socket.destroy();
				return;
			case 'delay': {
				// processed: handled now, answered late (the client may time out after a send).
				// Not processed: handled only if the client is still waiting after the delay.
				const early = processed ? await this.runRoute(ex) : undefined;
				await this.sleep(fault.ms);
				if (ex.gone) return;
				return this.send(ex, early ?? (await this.runRoute(ex)));
			}
			case 'malformedJson': {
				const result = processed ? await this.runRoute(ex) : undefined;
				const full = result?.body !== undefined ? JSON.stringify(result.body) : '{"message":"truncated response"}';
				// Any proper prefix of a JSON object is invalid JSON.
				const cut = full.slice(0, Math.max(1, Math.floor(full.length / 2)));
				return this.send(ex, { status: 200, body: cut });
			}
			case 'truncated': {
				const result = processed ? await this.runRoute(ex) : undefined;
				const full = Buffer.from(JSON.stringify(result?.body ?? { message: 'an answer that never ends' }));
				return this.sendPartly(ex, fault.status ?? result?.status ?? 200, full, async (write) => {
					write(full.subarray(0, Math.min(fault.bytes ?? 24, full.length - 1)));
				});
			}
			case 'trickle': {
				const result = await this.runRoute(ex);
				const full = Buffer.from(JSON.stringify(result.body ?? {}));
				return this.sendPartly(ex, result.status, full, async (write) => {
					for (let i = 0; i < full.length && !ex.gone; i++) {
						write(full.subarray(i, i + 1));
						await this.sleep(fault.intervalMs);
					}
				});
			}
		}
	}

	/** Announces the whole body's length, writes what `produce` writes, then closes the socket if short. */
	private async sendPartly(ex: Exchange, status: number, full: Buffer, produce: (write: (bytes: Buffer) => void) => Promise<void>): Promise<void> {
		const { res, entry } = ex;
		entry.status = status;
		res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(full.length), ...ex.rateHeaders });
		let written = 0;
		await produce((bytes) => {
			if (ex.gone) return;
			written += bytes.length;
			res.write(bytes);
		});
		if (written < full.length) ex.ctx.req.socket.end();
		else res.end();
	}

	/** Writes the response; string and Buffer bodies are sent as-is (faults, downloads), others as JSON. */
	private send(ex: Exchange, result: HandlerResult): void {
		const { res, entry } = ex;
		if (ex.gone || res.headersSent || res.destroyed) {
			entry.status = null;
			return;
		}
		entry.status = result.status;
		const code = result.status >= 400 ? errorCodeOf(result.body) : undefined;
		if (code) entry.errorCode = code;
		if (result.body !== undefined && !Buffer.isBuffer(result.body)) res.setHeader('Content-Type', 'application/json');
		res.setHeader('RCRequestId', randomUUID());
		for (const [name, value] of Object.entries({ ...ex.rateHeaders, ...result.headers })) res.setHeader(name, value);
		res.statusCode = result.status;
		if (result.body === undefined) {
			res.end();
		} else {
			res.end(typeof result.body === 'string' || Buffer.isBuffer(result.body) ? result.body : JSON.stringify(result.body));
		}
	}
}

function toResult(error: unknown): HandlerResult {
	if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.options.headers };
	throw error;
}
