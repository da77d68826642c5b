// The route table: each route is {method, pattern, group, auth, handler}. New
// endpoints (message-store reads, subscriptions, ...) are new entries, either in
// defaultRoutes() or added at runtime with RingCentralEmulator.addRoute().
import type { IncomingMessage } from 'node:http';
import type { A2pStore } from './a2pStore';
import type { TokenStore, AccessTokenRecord } from './auth';
import type { MultipartPart } from './multipart';
import type { RateLimitGroup, ResolvedEmulatorOptions, StoredMessage } from './types';

/** What handlers may see and change of the emulator. */
export interface EmulatorState {
	readonly url: string;
	readonly options: ResolvedEmulatorOptions;
	readonly tokens: TokenStore;
	readonly messages: StoredMessage[];
	readonly a2p: A2pStore;
	/** A fresh numeric id (as a string) for messages and other resources. */
	nextId(): string;
}

export interface ParsedBody {
	raw: Buffer;
	/** Content-Type without parameters, lowercased; '' when absent. */
	mediaType: string;
	/** Content-Type parameters (boundary, charset). */
	mediaParams: Record<string, string>;
	json?: unknown;
	jsonError?: boolean;
	form?: Record<string, string>;
	parts?: MultipartPart[];
	multipartError?: string;
}

export interface RequestContext {
	state: EmulatorState;
	req: IncomingMessage;
	method: string;
	pathname: string;
	query: URLSearchParams;
	/** Values of the pattern's :name segments. */
	params: Record<string, string>;
	/** Lowercase names. */
	headers: Record<string, string>;
	body: ParsedBody;
	/** The caller's access token on 'bearer' routes. */
	token?: AccessTokenRecord;
}

export interface HandlerResult {
	status: number;
	/** JSON-serialised; a Buffer goes out as is (downloads: set Content-Type in headers); undefined = empty body. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Set when a message was accepted, for the journal. */
	messageId?: string;
}

export type Handler = (ctx: RequestContext) => HandlerResult | Promise<HandlerResult>;

export interface Route {
	method: string;
	/** Path with :name segments, e.g. '/restapi/v1.0/account/:accountId'. */
	pattern: string;
	/** Rate-limit group; routes without one are not limited and send no X-Rate-Limit-* headers. */
	group?: RateLimitGroup;
	/** 'bearer': requires a valid access token (401 OAU-128/OAU-129 otherwise). */
	auth: 'bearer' | 'none';
	handler: Handler;
}

export interface CompiledRoute extends Route {
	regex: RegExp;
	keys: string[];
}

export function compileRoute(route: Route): CompiledRoute {
	const keys: string[] = [];
	const source = route.pattern
		.split('/')
		.map((segment) => {
			if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			keys.push(segment.slice(1));
			return '([^/]+)';
		})
		.join('/');
	return { ...route, regex: new RegExp(`^${source}/?$`), keys };
}

export function matchRoute(
	routes: CompiledRoute[],
	method: string,
	pathname: string,
): { route: CompiledRoute; params: Record<string, string> } | undefined {
	for (const route of routes) {
		if (route.method !== method) continue;
		const match = route.regex.exec(pathname);
		if (!match) continue;
		const params: Record<string, string> = {};
		route.keys.forEach((key, i) => (params[key] = safeDecode(match[i + 1])));
		return { route, params };
	}
	return undefined;
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment; // a stray '%' is kept as typed; the handler will reject the value
	}
}
