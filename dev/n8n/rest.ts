// The REST calls n8n's editor makes (routes read from n8n's own code: see n8n.ts): login, credential tests, publishing, executions, OAuth2.
import { randomUUID } from 'crypto';
import { createRequire } from 'module';
import { ensureN8n, isN8n1 } from './install';
import { sleep } from './process';

export interface RestResponse<T = any> {
	status: number;
	headers: Headers;
	/** Parsed JSON, or the text when the body is not JSON. */
	body: any;
	/** n8n wraps REST answers as {data}; this is that data. */
	data: T;
}

export interface RestClient {
	url: string;
	browserId: string;
	/** Cookie jar: n8n-auth, and n8n-oauth-binding during an OAuth2 flow. */
	cookies: Map<string, string>;
	cookieHeader(): string;
	rest<T = any>(method: string, route: string, body?: unknown): Promise<RestResponse<T>>;
}

export function createRestClient(url: string): RestClient {
	const cookies = new Map<string, string>();
	const client: RestClient = {
		url,
		browserId: randomUUID(),
		cookies,
		cookieHeader: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
		async rest(method, route, body) {
			const res = await fetch(`${url}${route}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': client.browserId,
					cookie: client.cookieHeader(),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
				redirect: 'manual',
			});
			keepCookies(cookies, res.headers);
			const text = await res.text();
			let parsed: any = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				// HTML or empty body
			}
			return { status: res.status, headers: res.headers, body: parsed, data: parsed?.data };
		},
	};
	return client;
}

function keepCookies(jar: Map<string, string>, headers: Headers): void {
	for (const cookie of headers.getSetCookie()) {
		const [pair] = cookie.split(';');
		const eq = pair.indexOf('=');
		jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
	}
}

async function ok<T>(res: Promise<RestResponse<T>>, what: string): Promise<T> {
	const r = await res;
	if (r.status < 200 || r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
	return r.data;
}

export const DEFAULT_OWNER = {
	email: 'admin@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd!',
};

/**
 * Creates the owner (the first-start sign-up form), then logs in as the editor does. A reused
 * folder (the local editor) already has its owner: n8n answers 400 'Instance owner already setup'.
 */
export async function setupOwnerAndLogin(instance: { url: string }, owner = DEFAULT_OWNER): Promise<RestClient> {
	const client = createRestClient(instance.url);
	const setup = await client.rest('POST', '/rest/owner/setup', owner);
	const alreadySetUp = setup.status === 400 && /already setup/.test(JSON.stringify(setup.body));
	if (setup.status !== 200 && !alreadySetUp) throw new Error(`owner setup: HTTP ${setup.status} ${JSON.stringify(setup.body)}`);
	return await login(client, owner);
}

export async function login(client: RestClient, owner = DEFAULT_OWNER): Promise<RestClient> {
	await ok(client.rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password }), 'login');
	return client;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * n8n's "Test" button on a stored credential. Without `data`, sends the stored (redacted) data
 * back as the editor does; n8n restores the secrets before running the credential's `test`.
 */
export async function testCredential(
	client: RestClient,
	credential: { id: string; name?: string; type?: string; data?: object },
): Promise<CredentialTestResult> {
	let { name, type, data } = credential;
	if (!type || !data) {
		const stored = await ok(client.rest('GET', `/rest/credentials/${credential.id}?includeData=true`), 'get credential');
		name ??= stored.name;
		type ??= stored.type;
		data ??= stored.data;
	}
	const body = { credentials: { id: credential.id, name: name ?? '', type, data } };
	return await ok(client.rest<CredentialTestResult>('POST', '/rest/credentials/test', body), 'credential test');
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	/** One per trigger node; errorMessage says why a trigger (e.g. a webhook subscription) failed. */
	triggers: { nodeId: string; status: string; errorMessage: string | null }[];
}

/**
 * Publishes a workflow on a running n8n. The REST answer comes before the triggers are live: 2.41
 * activates through an outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE, on by default), so this
 * polls GET /rest/workflows/:id/publication-status until that version settled and returns it.
 */
export async function activateWorkflow(client: RestClient, workflowId: string, timeoutMs = 30_000): Promise<PublicationStatus> {
	const wf = await ok(client.rest('GET', `/rest/workflows/${workflowId}`), 'get workflow');
	const activation = client.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: wf.versionId });
	if (isN8n1()) {
		// 1.x activates the triggers before it answers; a failed activation answers 4xx with the reason.
		const res = await activation;
		if (res.status >= 200 && res.status < 300) return { status: 'published', liveVersionId: wf.versionId, pendingVersionId: null, triggers: [] };
		return { status: 'failed', liveVersionId: null, pendingVersionId: null, triggers: [{ nodeId: '', status: 'failed', errorMessage: String(res.body?.message ?? res.status) }] };
	}
	await ok(activation, 'activate workflow');
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const pub = await ok(client.rest<PublicationStatus>('GET', `/rest/workflows/${workflowId}/publication-status`), 'publication status');
		const settled = pub.status !== 'in_progress' && (pub.liveVersionId === wf.versionId || pub.status === 'failed');
		if (settled) return pub;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId} not published in time: ${JSON.stringify(pub)}`);
		await sleep(200);
	}
}

export async function deactivateWorkflow(client: RestClient, workflowId: string): Promise<any> {
	return await ok(client.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {}), 'deactivate workflow');
}

/**
 * Sends `init` to a production webhook until n8n stops answering 404 and returns that answer.
 * Needed because `n8n start` reports ready before it has activated published workflows. The first
 * non-404 request is a real call, so it is the one to assert on.
 */
export async function waitForWebhook(url: string, init: RequestInit = { method: 'POST' }, timeoutMs = 30_000): Promise<Response> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const res = await fetch(url, init);
		if (res.status !== 404 || Date.now() > deadline) return res;
		await res.arrayBuffer();
		await sleep(250);
	}
}

export interface StoredExecution {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	finished: boolean;
	/** IRunExecutionData: resultData.runData[nodeName][run].data.main, resultData.error. */
	data: any;
}

/** Reads a stored execution; `data` is parsed from n8n's flatted format with n8n's own flatted. */
export async function getExecution(client: RestClient, executionId: string): Promise<StoredExecution> {
	const exec = await ok(client.rest('GET', `/rest/executions/${executionId}`), 'get execution');
	const flatted = createRequire(ensureN8n().n8nBin)('flatted') as { parse(text: string): unknown };
	return { ...exec, data: typeof exec.data === 'string' ? flatted.parse(exec.data) : exec.data };
}

/** Newest first: [{id, status, mode, workflowId, startedAt, stoppedAt, ...}]. */
export async function listExecutions(client: RestClient, workflowId?: string, limit = 20): Promise<any[]> {
	const filter = workflowId ? `&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}` : '';
	const page = await ok(client.rest('GET', `/rest/executions?limit=${limit}${filter}`), 'list executions');
	return page.results;
}

/** Waits until the workflow has `count` finished executions (webhook runs are saved after the answer). */
export async function waitForExecutions(client: RestClient, workflowId: string, count = 1, timeoutMs = 30_000): Promise<any[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const done = (await listExecutions(client, workflowId)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length >= count) return done;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${done.length}/${count} executions finished`);
		await sleep(250);
	}
}

/**
 * OAuth2 authorization-code flow, as the editor's "Connect" button runs it in 2.41.1:
 * 1. GET /rest/oauth2-credential/auth?id=<credentialId> (cookie + browser-id) answers
 *    {data: <authorize URL>} with redirect_uri `<N8N_EDITOR_BASE_URL>/rest/oauth2-credential/callback`
 *    and state = base64 JSON {token, createdAt}; the CSRF secret is kept server-side for 5 min.
 *    If N8N_OAUTH_BROWSER_BINDING is on, it also sets cookie `n8n-oauth-binding`.
 * 2. The browser opens the authorize URL; the provider redirects to the callback with code+state.
 * 3. GET /rest/oauth2-credential/callback?code=..&state=.. needs the n8n-auth cookie of the same
 *    user (no browser-id check on this GET), swaps the code at accessTokenUrl, stores
 *    oauthTokenData in the credential and renders an HTML page (200 both on success and on error).
 * This follows the redirects by hand, for a provider that consents without a login page (302).
 * Success is judged by the stored credential, not by the HTML.
 */
export async function connectOAuth2(client: RestClient, credentialId: string): Promise<{ callbackStatus: number; callbackBody: string }> {
	const authUrl = await ok(client.rest<string>('GET', `/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`), 'oauth2 auth');
	let next = authUrl;
	for (let hop = 0; hop < 10; hop++) {
		const toN8n = next.startsWith(`${client.url}/`);
		// Only n8n gets the n8n cookies (auth, and the browser binding of step 1).
		const headers: Record<string, string> = toN8n ? { cookie: client.cookieHeader(), 'browser-id': client.browserId } : {};
		const res = await fetch(next, { redirect: 'manual', headers });
		const location = res.headers.get('location');
		if (res.status >= 300 && res.status < 400 && location) {
			await res.arrayBuffer();
			next = new URL(location, next).toString();
			continue;
		}
		const body = await res.text();
		if (!toN8n) throw new Error(`OAuth2 provider answered ${res.status} at ${next} instead of redirecting:\n${body.slice(0, 500)}`);
		const stored = await ok(client.rest('GET', `/rest/credentials/${credentialId}?includeData=true`), 'get credential');
		if (!stored.data?.oauthTokenData) throw new Error(`OAuth2 callback did not store a token (HTTP ${res.status}):\n${body.slice(0, 1000)}`);
		return { callbackStatus: res.status, callbackBody: body };
	}
	throw new Error('OAuth2 flow: too many redirects');
}
