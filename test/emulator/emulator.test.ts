import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import {
	DEFAULT_FROM,
	DEFAULT_PHONE_NUMBERS,
	EMULATOR_DEFAULTS,
	RingCentralEmulator,
	SUPPORTED_MMS_CONTENT_TYPES,
	parseMultipart,
} from '../../dev/emulator';

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const SMS_PATH = '/restapi/v1.0/account/~/extension/~/sms';
const MMS_PATH = '/restapi/v1.0/account/~/extension/~/mms';
const TO = '+14155550100';

function basic(id = EMULATOR_DEFAULTS.clientId, secret = EMULATOR_DEFAULTS.clientSecret): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Reply {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON body (loosely typed: tests read deep fields). */
	json: any;
}

async function call(emu: RingCentralEmulator, urlPath: string, init: RequestInit = {}): Promise<Reply> {
	const res = await fetch(`${emu.url}${urlPath}`, { redirect: 'manual', ...init });
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

function tokenRequest(emu: RingCentralEmulator, form: Record<string, string>, authorization: string | null = basic()) {
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
	if (authorization) headers.Authorization = authorization;
	return call(emu, '/restapi/oauth/token', { method: 'POST', headers, body: new URLSearchParams(form).toString() });
}

async function login(emu: RingCentralEmulator): Promise<string> {
	const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
	expect(reply.status).toBe(200);
	return reply.json.access_token;
}

function sendJson(emu: RingCentralEmulator, token: string, body: unknown, urlPath = SMS_PATH, init: RequestInit = {}) {
	return call(emu, urlPath, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
		...init,
	});
}

interface RawPart {
	headers: Record<string, string>;
	data: Buffer | string;
}

/** A hand-built multipart body, so tests control every byte. */
function multipartBody(boundary: string, parts: RawPart[]): Buffer {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const head = Object.entries(part.headers)
			.map(([k, v]) => `${k}: ${v}\r\n`)
			.join('');
		chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(chunks);
}

function jsonPart(body: unknown): RawPart {
	return {
		headers: {
			'Content-Disposition': 'form-data; name="json"; filename="request.json"',
			'Content-Type': 'application/json',
		},
		data: JSON.stringify(body),
	};
}

function filePart(fileName: string | undefined, contentType: string, data: Buffer | string): RawPart {
	const disposition = fileName === undefined ? 'form-data; name="attachment"' : `form-data; name="attachment"; filename="${fileName}"`;
	return { headers: { 'Content-Disposition': disposition, 'Content-Type': contentType }, data };
}

function sendMultipart(emu: RingCentralEmulator, token: string, parts: RawPart[], urlPath = MMS_PATH, type = 'multipart/form-data') {
	const boundary = 'emulator-test-boundary-7f3a';
	return call(emu, urlPath, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': `${type}; boundary=${boundary}` },
		body: multipartBody(boundary, parts),
	});
}

const mmsRequest = (from = DEFAULT_FROM) => ({ from: { phoneNumber: from }, to: [{ phoneNumber: TO }], text: 'Look' });
const smsRequest = (text = 'Hello') => ({ from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: TO }], text });

let emu: RingCentralEmulator;
let token: string;

beforeAll(async () => {
	emu = await RingCentralEmulator.start();
	token = await login(emu);
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

describe('server basics', () => {
	it('listens on 127.0.0.1 and resolves options', () => {
		expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(emu.options.port).toBe(Number(emu.url.split(':')[2]));
		expect(emu.options.clientId).toBe(EMULATOR_DEFAULTS.clientId);
		expect(emu.options.phoneNumbersPerPage).toBe(100);
	});

	it('answers unknown routes with 404 CMN-102 and journals them', async () => {
		const reply = await call(emu, '/restapi/v1.0/nothing-here');
		expect(reply.status).toBe(404);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(reply.json.errors[0].errorCode).toBe('CMN-102');
		expect(emu.requests({ path: '/restapi/v1.0/nothing-here' })[0]).toMatchObject({ status: 404, errorCode: 'CMN-102', seq: 1 });
	});

	it('returns extension info for ~ and the configured ids, 404 for others', async () => {
		const auth = { headers: { Authorization: `Bearer ${token}` } };
		const mine = await call(emu, '/restapi/v1.0/account/~/extension/~', auth);
		expect(mine.status).toBe(200);
		expect(mine.json).toMatchObject({ extensionNumber: '101', name: 'Emulator User', type: 'User', status: 'Enabled', account: { id: '100' } });
		expect(mine.headers.get('x-rate-limit-group')).toBe('Light');
		expect((await call(emu, '/restapi/v1.0/account/100/extension/101', auth)).status).toBe(200);
		const other = await call(emu, '/restapi/v1.0/account/~/extension/999', auth);
		expect(other.status).toBe(404);
		expect(other.json.errors[0]).toMatchObject({ errorCode: 'CMN-102', parameterName: 'extensionId' });
	});
});

describe('token endpoint', () => {
	it('issues a token pair for the JWT grant', async () => {
		const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			token_type: 'bearer',
			expires_in: 3600,
			refresh_token_expires_in: 604800,
			scope: 'SMS ReadAccounts',
			owner_id: '101',
		});
		expect(reply.json.access_token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
		expect(reply.json.access_token).not.toBe(token);
		expect(reply.headers.get('x-rate-limit-group')).toBe('Auth');
		expect(emu.tokenRequests(JWT_GRANT)).toHaveLength(1);
		expect(emu.tokenRequests('refresh_token')).toHaveLength(0);
		expect(emu.tokenRequests()[0].body).toMatchObject({ grant_type: JWT_GRANT });
	});

	it('rejects a wrong client secret with invalid_client OAU-153, never echoing the secret', async () => {
		const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt }, basic(undefined, 'wrong-secret'));
		expect(reply.status).toBe(401);
		expect(reply.json).toMatchObject({ error: 'invalid_client', errors: [{ errorCode: 'OAU-153', message: `Invalid client: ${EMULATOR_DEFAULTS.clientId}` }] });
		expect(reply.json.error_description).toContain('Invalid client');
		expect(reply.text).not.toContain('wrong-secret');
	});

	it('rejects an unknown JWT with invalid_grant OAU-213, never echoing the assertion', async () => {
		const reply = await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: 'stolen-jwt-value' });
		expect(reply.status).toBe(400);
		expect(reply.json).toMatchObject({ error: 'invalid_grant', errorCode: 'OAU-213', errors: [{ errorCode: 'OAU-213' }] });
		expect(reply.text).not.toContain('stolen-jwt-value');
	});

	it('refuses client credentials in the body (OAU-123)', async () => {
		const reply = await tokenRequest(
			emu,
			{ grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt, client_id: EMULATOR_DEFAULTS.clientId, client_secret: EMULATOR_DEFAULTS.clientSecret },
			null,
		);
		expect(reply.status).toBe(401);
		expect(reply.json).toMatchObject({ error: 'invalid_client', errors: [{ errorCode: 'OAU-123' }] });
	});

	it('rejects unknown grants and non-form bodies', async () => {
		const unknown = await tokenRequest(emu, { grant_type: 'password', username: 'x', password: 'y' });
		expect(unknown.status).toBe(400);
		expect(unknown.json.error).toBe('unsupported_grant_type');
		const json = await call(emu, '/restapi/oauth/token', {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/json' },
			body: JSON.stringify({ grant_type: JWT_GRANT }),
		});
		expect(json.status).toBe(415);
	});

	it('makes refresh tokens single use and retires the old access token', async () => {
		const first = (await tokenRequest(emu, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).json;
		const refreshed = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
		expect(refreshed.status).toBe(200);
		expect(refreshed.json.access_token).not.toBe(first.access_token);
		expect(refreshed.json.refresh_token).not.toBe(first.refresh_token);

		const reused = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
		expect(reused.status).toBe(400);
		expect(reused.json).toMatchObject({ error: 'invalid_grant', errors: [{ errorCode: 'OAU-211' }] });

		const oldAccess = await sendJson(emu, first.access_token, smsRequest());
		expect(oldAccess.status).toBe(401);
		expect(oldAccess.json.errors[0].errorCode).toBe('OAU-129');
		expect((await sendJson(emu, refreshed.json.access_token, smsRequest())).status).toBe(200);
	});

	it('runs the authorization code flow through the 302 redirect', async () => {
		const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
		const query = new URLSearchParams({ response_type: 'code', client_id: EMULATOR_DEFAULTS.clientId, redirect_uri: redirectUri, state: 'xyz 1' });
		const authorize = await call(emu, `/restapi/oauth/authorize?${query}`);
		expect(authorize.status).toBe(302);
		const location = new URL(authorize.headers.get('location') as string);
		expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
		expect(location.searchParams.get('state')).toBe('xyz 1');
		const code = location.searchParams.get('code') as string;
		expect(code).toBeTruthy();

		const wrongRedirect = await tokenRequest(emu, { grant_type: 'authorization_code', code, redirect_uri: 'http://evil.example/cb' });
		expect(wrongRedirect.status).toBe(400);
		expect(wrongRedirect.json.errors[0].errorCode).toBe('OAU-109');

		const exchanged = await tokenRequest(emu, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect(exchanged.status).toBe(200);
		expect((await sendJson(emu, exchanged.json.access_token, smsRequest())).status).toBe(200);

		const reused = await tokenRequest(emu, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
		expect(reused.status).toBe(400);
		expect(reused.json).toMatchObject({ error: 'invalid_grant', errors: [{ errorCode: 'OAU-109' }] });
	});

	it('rejects /authorize for an unknown client with a JSON error', async () => {
		const query = new URLSearchParams({ response_type: 'code', client_id: 'nobody', redirect_uri: 'http://localhost/cb' });
		const reply = await call(emu, `/restapi/oauth/authorize?${query}`);
		expect(reply.status).toBe(400);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(reply.json.errors[0].errorCode).toBe('OAU-153');
	});

	it('revokes tokens', async () => {
		const pair = emu.issueAccessToken();
		expect(pair.expires_in).toBe(3600);
		expect((await sendJson(emu, pair.access_token, smsRequest())).status).toBe(200);
		const revoke = await call(emu, '/restapi/oauth/revoke', {
			method: 'POST',
			headers: { Authorization: basic(), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: pair.access_token }).toString(),
		});
		expect(revoke.status).toBe(200);
		expect((await sendJson(emu, pair.access_token, smsRequest())).json.errors[0].errorCode).toBe('OAU-129');
		const refresh = await tokenRequest(emu, { grant_type: 'refresh_token', refresh_token: pair.refresh_token });
		expect(refresh.json.errors[0].errorCode).toBe('OAU-211');
	});
});

describe('bearer check', () => {
	it('answers a missing or unknown token with OAU-129', async () => {
		const missing = await call(emu, SMS_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(smsRequest()) });
		expect(missing.status).toBe(401);
		expect(missing.json.errors[0].errorCode).toBe('OAU-129');
		expect(missing.headers.get('x-rate-limit-group')).toBe('Medium');
		expect((await sendJson(emu, 'made-up-token', smsRequest())).json.errors[0].errorCode).toBe('OAU-129');
	});

	it('expires every issued access token on expireAccessTokens(), refresh still works', async () => {
		const local = await RingCentralEmulator.start();
		try {
			const pair = (await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).json;
			expect((await sendJson(local, pair.access_token, smsRequest())).status).toBe(200);
			local.expireAccessTokens();
			const expired = await sendJson(local, pair.access_token, smsRequest());
			expect(expired.status).toBe(401);
			expect(expired.json).toMatchObject({ errorCode: 'OAU-128', message: 'Access token expired' });
			const refreshed = await tokenRequest(local, { grant_type: 'refresh_token', refresh_token: pair.refresh_token });
			expect((await sendJson(local, refreshed.json.access_token, smsRequest())).status).toBe(200);
		} finally {
			await local.stop();
		}
	});

	it('honours a short access token TTL', async () => {
		const local = await RingCentralEmulator.start({ accessTokenTtlSeconds: 0.2 });
		try {
			const pair = local.issueAccessToken();
			expect(pair.expires_in).toBe(0.2);
			await sleep(250);
			expect((await sendJson(local, pair.access_token, smsRequest())).json.errors[0].errorCode).toBe('OAU-128');
		} finally {
			await local.stop();
		}
	});
});

describe('phone-number list', () => {
	const listPath = '/restapi/v1.0/account/~/extension/~/phone-number';

	it('pages with RingCentral paging and navigation', async () => {
		const seen: string[] = [];
		let next: string | undefined = `${emu.url}${listPath}?perPage=3`;
		let pages = 0;
		while (next) {
			const reply = await call(emu, next.slice(emu.url.length), { headers: { Authorization: `Bearer ${token}` } });
			expect(reply.status).toBe(200);
			pages++;
			expect(reply.json.paging).toMatchObject({ page: pages, perPage: 3, totalPages: 3, totalElements: DEFAULT_PHONE_NUMBERS.length });
			expect(reply.json.navigation.firstPage.uri).toContain('page=1');
			expect(reply.json.navigation.lastPage.uri).toContain('page=3');
			if (pages > 1) expect(reply.json.navigation.previousPage.uri).toContain(`page=${pages - 1}`);
			for (const record of reply.json.records) {
				expect(record).toMatchObject({ status: 'Normal', country: { id: '1', name: 'United States' } });
				seen.push(record.phoneNumber);
			}
			next = reply.json.navigation.nextPage?.uri;
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(DEFAULT_PHONE_NUMBERS.map((n) => n.phoneNumber));
		expect(emu.requests({ path: listPath }).every((e) => e.group === 'Light')).toBe(true);
	});

	it('has the fixture numbers the node relies on', () => {
		const byNumber = Object.fromEntries(DEFAULT_PHONE_NUMBERS.map((n) => [n.phoneNumber, n.features]));
		expect(DEFAULT_PHONE_NUMBERS[0].phoneNumber).toBe('+16505550100');
		expect(byNumber['+16505550100']).toEqual(['CallerId', 'SmsSender', 'MmsSender', 'InternationalSmsSender']);
		expect(byNumber['+18885550100']).toEqual(['CallerId', 'SmsSender']);
		expect(byNumber['+16505550101']).toEqual(['CallerId']);
		expect(DEFAULT_PHONE_NUMBERS.some((n) => n.type === 'FaxOnly')).toBe(true);
		expect(DEFAULT_PHONE_NUMBERS.filter((n) => n.features.includes('MmsSender')).length).toBeGreaterThanOrEqual(2);
	});

	it('uses the configured default page size and validates perPage', async () => {
		const local = await RingCentralEmulator.start({ phoneNumbersPerPage: 2 });
		try {
			const auth = { headers: { Authorization: `Bearer ${local.issueAccessToken().access_token}` } };
			const reply = await call(local, listPath, auth);
			expect(reply.json.records).toHaveLength(2);
			expect(reply.json.paging).toMatchObject({ perPage: 2, totalPages: 4, pageStart: 0, pageEnd: 1 });
			const bad = await call(local, `${listPath}?perPage=abc`, auth);
			expect(bad.status).toBe(400);
			expect(bad.json.errors[0]).toMatchObject({ errorCode: 'CMN-101', parameterName: 'perPage' });
		} finally {
			await local.stop();
		}
	});
});

describe('SMS validation', () => {
	const cases: Array<[string, unknown, number, string, string?]> = [
		['unparsable JSON', '{"from": ', 400, 'CMN-103'],
		['missing from', { to: [{ phoneNumber: TO }], text: 'x' }, 400, 'CMN-101', 'from'],
		['foreign from', { from: { phoneNumber: '+16505559999' }, to: [{ phoneNumber: TO }], text: 'x' }, 400, 'MSG-245', 'from'],
		['missing to', { from: { phoneNumber: DEFAULT_FROM }, text: 'x' }, 400, 'CMN-101', 'to'],
		['empty to', { from: { phoneNumber: DEFAULT_FROM }, to: [], text: 'x' }, 400, 'CMN-101', 'to'],
		['to without +', { from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: '4155550100' }], text: 'x' }, 400, 'CMN-101', 'to'],
		['short number', { from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: '12345' }], text: 'x' }, 400, 'MSG-247', 'to'],
		[
			'11 recipients',
			{ from: { phoneNumber: DEFAULT_FROM }, to: Array.from({ length: 11 }, (_, i) => ({ phoneNumber: `+1415555${String(i).padStart(4, '0')}` })), text: 'x' },
			400,
			'MSG-381',
		],
		['missing text', { from: { phoneNumber: DEFAULT_FROM }, to: [{ phoneNumber: TO }] }, 400, 'CMN-101', 'text'],
		['empty text', smsRequest(''), 400, 'CMN-101', 'text'],
		['1001 characters', smsRequest('a'.repeat(1001)), 400, 'MSG-338'],
		['501 emoji (1002 UTF-16 units)', smsRequest('😀'.repeat(501)), 400, 'MSG-338'],
		['caller-ID-only sender', { ...smsRequest(), from: { phoneNumber: '+16505550101' } }, 403, 'MSG-242'],
		['fax-only sender', { ...smsRequest(), from: { phoneNumber: '+16505550102' } }, 403, 'MSG-242'],
	];

	it.each(cases.map(([name, body, status, code, parameterName]) => ({ name, body, status, code, parameterName })))(
		'$name → $status $code',
		async ({ body, status, code, parameterName }) => {
		const reply = await sendJson(emu, token, body);
		expect(reply.status).toBe(status);
		expect(reply.json.errorCode).toBe(code);
		expect(reply.json.errors[0].errorCode).toBe(code);
		if (parameterName) expect(reply.json.errors[0].parameterName).toBe(parameterName);
		expect(emu.messages).toHaveLength(0);
		expect(emu.journal[0]).toMatchObject({ status, errorCode: code, group: 'Medium' });
		},
	);

	it('checks from before to before text (validation order)', async () => {
		const reply = await sendJson(emu, token, { from: { phoneNumber: '+16505559999' }, to: [], text: '' });
		expect(reply.json.errors[0].errorCode).toBe('MSG-245');
	});

	it('accepts 1000 characters and 500 emoji', async () => {
		expect((await sendJson(emu, token, smsRequest('a'.repeat(1000)))).status).toBe(200);
		expect((await sendJson(emu, token, smsRequest('😀'.repeat(500)))).status).toBe(200);
	});

	it('accepts an SMS and returns a GetSMSMessageInfoResponse', async () => {
		const reply = await sendJson(emu, token, smsRequest('Hello there'));
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			type: 'SMS',
			direction: 'Outbound',
			messageStatus: 'Queued',
			readStatus: 'Read',
			priority: 'Normal',
			availability: 'Alive',
			subject: 'Hello there',
			smsSendingAttemptsCount: 1,
			from: { phoneNumber: DEFAULT_FROM },
			to: [{ phoneNumber: TO, messageStatus: 'Queued' }],
			attachments: [{ type: 'Text', contentType: 'text/plain' }],
		});
		expect(typeof reply.json.id).toBe('number');
		expect(reply.json.uri).toContain(`/message-store/${reply.json.id}`);
		expect(reply.json.conversation.id).toBe(String(reply.json.conversationId));
		expect(emu.messages).toEqual([expect.objectContaining({ id: String(reply.json.id), from: DEFAULT_FROM, to: [TO], text: 'Hello there', attachments: [] })]);
		expect(emu.journal[0]).toMatchObject({ messageId: String(reply.json.id), status: 200, body: smsRequest('Hello there') });
		expect(emu.journal[0].headers.authorization).toBe(`Bearer ${token}`);
	});

	it('sends from a toll-free number and treats several recipients as one group message', async () => {
		const to = [{ phoneNumber: TO }, { phoneNumber: '+14155550101' }, { phoneNumber: '+14155550102' }];
		const reply = await sendJson(emu, token, { from: { phoneNumber: '+18885550100' }, to, text: 'group' });
		expect(reply.status).toBe(200);
		expect(reply.json.to).toHaveLength(3);
		expect(emu.messages).toHaveLength(1);
		expect(emu.messages[0].to).toEqual(to.map((t) => t.phoneNumber));
	});

	it('refuses JSON on /mms with CMN-104', async () => {
		const reply = await sendJson(emu, token, mmsRequest(), MMS_PATH);
		expect(reply.status).toBe(400);
		expect(reply.json.errors[0].errorCode).toBe('CMN-104');
	});
});

describe('MMS multipart', () => {
	const allBytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)); // CR, LF, NUL, 0xFF...

	it('stores binary attachments byte for byte (sha256 in the journal)', async () => {
		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), allBytes]);
		const reply = await sendMultipart(emu, token, [jsonPart(mmsRequest()), filePart('photo.png', 'image/png', png), filePart('clip.mp4', 'video/mp4', allBytes)]);
		expect(reply.status).toBe(200);
		expect(reply.json.attachments).toEqual([
			expect.objectContaining({ type: 'Text', contentType: 'text/plain' }),
			expect.objectContaining({ type: 'MmsAttachment', contentType: 'image/png', fileName: 'photo.png', size: png.length }),
			expect.objectContaining({ type: 'MmsAttachment', contentType: 'video/mp4', fileName: 'clip.mp4', size: allBytes.length }),
		]);
		const entry = emu.journal[0];
		expect(entry.body).toEqual(mmsRequest());
		expect(entry.parts?.map((p) => p.name)).toEqual(['json', 'attachment', 'attachment']);
		expect(entry.parts?.[0]).toMatchObject({ fileName: 'request.json', contentType: 'application/json' });
		expect(entry.parts?.[1]).toMatchObject({ fileName: 'photo.png', size: png.length, sha256: sha256(png) });
		expect(entry.parts?.[2].sha256).toBe(sha256(allBytes));
		expect(emu.messages[0].attachments.map((a) => a.sha256)).toEqual([sha256(png), sha256(allBytes)]);
	});

	it('accepts FormData built by fetch (multipart/form-data) on /sms', async () => {
		const form = new FormData();
		form.append('json', new Blob([JSON.stringify(mmsRequest())], { type: 'application/json' }), 'request.json');
		form.append('attachment', new Blob([allBytes], { type: 'image/jpeg' }), 'a b;"c".jpg');
		const reply = await call(emu, SMS_PATH, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
		expect(reply.status).toBe(200);
		expect(emu.journal[0].parts?.[1]).toMatchObject({ contentType: 'image/jpeg', sha256: sha256(allBytes) });
	});

	it('accepts RingCentral’s multipart/mixed example (JSON part without a name)', async () => {
		const reply = await sendMultipart(
			emu,
			token,
			[
				{ headers: { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Transfer-Encoding': '8bit' }, data: JSON.stringify(mmsRequest()) },
				{ headers: { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename="filename.png"' }, data: 'Hello, World!' },
			],
			SMS_PATH,
			'multipart/mixed',
		);
		expect(reply.status).toBe(200);
		expect(reply.json.attachments[1]).toMatchObject({ fileName: 'filename.png', size: 13 });
	});

	it('accepts an MMS without text', async () => {
		const { text: _text, ...noText } = mmsRequest();
		const reply = await sendMultipart(emu, token, [jsonPart(noText), filePart('a.gif', 'image/gif', 'GIF89a')]);
		expect(reply.status).toBe(200);
		expect(reply.json.subject).toBeUndefined();
		expect(reply.json.attachments).toHaveLength(1);
	});

	const failures: Array<[string, () => RawPart[], number, string, string?]> = [
		['first part not JSON', () => [filePart('a.png', 'image/png', 'x'), jsonPart(mmsRequest())], 400, 'CMN-104'],
		['unparsable JSON part', () => [{ ...jsonPart({}), data: '{nope' }, filePart('a.png', 'image/png', 'x')], 400, 'CMN-103'],
		['toll-free sender', () => [jsonPart(mmsRequest('+18885550100')), filePart('a.png', 'image/png', 'x')], 403, 'MSG-367'],
		['no filename', () => [jsonPart(mmsRequest()), filePart(undefined, 'image/png', 'x')], 400, 'MSG-351'],
		['empty file', () => [jsonPart(mmsRequest()), filePart('a.png', 'image/png', '')], 400, 'MSG-347'],
		['unsupported type', () => [jsonPart(mmsRequest()), filePart('a.bin', 'application/octet-stream', 'x')], 415, 'MSG-348'],
		[
			'11 files',
			() => [jsonPart(mmsRequest()), ...Array.from({ length: 11 }, (_, i) => filePart(`f${i}.png`, 'image/png', 'x'))],
			400,
			'CMN-101',
			'attachments',
		],
		['1,500,001 bytes', () => [jsonPart(mmsRequest()), filePart('a.jpg', 'image/jpeg', Buffer.alloc(1_000_000, 1)), filePart('b.jpg', 'image/jpeg', Buffer.alloc(500_001, 2))], 400, 'MSG-337'],
		['no attachments on /mms', () => [jsonPart(mmsRequest())], 400, 'CMN-101', 'attachments'],
	];

	it.each(failures.map(([name, parts, status, code, parameterName]) => ({ name, parts, status, code, parameterName })))(
		'$name → $status $code',
		async ({ parts, status, code, parameterName }) => {
		const reply = await sendMultipart(emu, token, parts());
		expect(reply.status).toBe(status);
		expect(reply.json.errors[0].errorCode).toBe(code);
		if (parameterName) expect(reply.json.errors[0].parameterName).toBe(parameterName);
		expect(emu.messages).toHaveLength(0);
		},
	);

	it('accepts exactly 1,500,000 bytes and 10 files', async () => {
		const big = await sendMultipart(emu, token, [jsonPart(mmsRequest()), filePart('a.jpg', 'image/jpeg', Buffer.alloc(1_000_000, 1)), filePart('b.jpg', 'image/jpeg', Buffer.alloc(500_000, 2))]);
		expect(big.status).toBe(200);
		const ten = await sendMultipart(emu, token, [jsonPart(mmsRequest()), ...Array.from({ length: 10 }, (_, i) => filePart(`f${i}.png`, 'image/png', 'x'))]);
		expect(ten.status).toBe(200);
		expect(emu.messages).toHaveLength(2);
	});

	it('exports the supported content types from the reference', () => {
		expect(SUPPORTED_MMS_CONTENT_TYPES).toHaveLength(31);
		expect(SUPPORTED_MMS_CONTENT_TYPES).toEqual(expect.arrayContaining(['image/jpeg', 'video/quicktime', 'text/vcard', 'application/pdf']));
	});

	it('parses quoted parameters and bare-LF line breaks', () => {
		const body = Buffer.from('preamble\n--b\nContent-Disposition: form-data; name="f"; filename="x;\\"y\\".png"\nContent-Type: IMAGE/PNG; q=1\n\nA\r\nB\n--b--\n');
		const [part] = parseMultipart(body, 'b');
		expect(part).toMatchObject({ name: 'f', fileName: 'x;"y".png', contentType: 'image/png' });
		expect(part.data.toString()).toBe('A\r\nB');
	});
});

describe('rate limits', () => {
	it('sends headers for unconfigured groups', async () => {
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.headers.get('x-rate-limit-group')).toBe('Medium');
		expect(reply.headers.get('x-rate-limit-limit')).toBe('100000');
		expect(reply.headers.get('x-rate-limit-remaining')).toBe('99999');
		expect(reply.headers.get('x-rate-limit-window')).toBe('60');
	});

	it('counts a fixed window, then 429s, and every request during the penalty restarts it', async () => {
		const local = await RingCentralEmulator.start({ rateLimits: { Medium: { limit: 2, windowSeconds: 0.5 } } });
		try {
			const t = local.issueAccessToken().access_token;
			const first = await sendJson(local, t, smsRequest());
			expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
			expect(first.headers.get('x-rate-limit-window')).toBe('0.5');
			expect((await sendJson(local, t, smsRequest())).headers.get('x-rate-limit-remaining')).toBe('0');
			const limited = await sendJson(local, t, smsRequest());
			expect(limited.status).toBe(429);
			expect(limited.json).toMatchObject({ errorCode: 'CMN-301', message: 'Request rate exceeded' });
			expect(limited.headers.get('retry-after')).toBe('1');
			// The trap: 0.3 s + 0.3 s is past the first penalty, but each hit restarted it.
			await sleep(300);
			expect((await sendJson(local, t, smsRequest())).status).toBe(429);
			await sleep(300);
			expect((await sendJson(local, t, smsRequest())).status).toBe(429);
			await sleep(600);
			const after = await sendJson(local, t, smsRequest());
			expect(after.status).toBe(200);
			expect(after.headers.get('x-rate-limit-remaining')).toBe('1');
			expect(local.messages).toHaveLength(3); // 429s are never processed
			expect(local.requests({ method: 'POST' }).map((e) => e.status)).toEqual([200, 200, 429, 429, 429, 200]);
		} finally {
			await local.stop();
		}
	});

	it('starts a new window once the previous one ended', async () => {
		emu.setRateLimit('Light', { limit: 1, windowSeconds: 0.3, penaltySeconds: 0.1 });
		const auth = { headers: { Authorization: `Bearer ${token}` } };
		const extPath = '/restapi/v1.0/account/~/extension/~';
		expect((await call(emu, extPath, auth)).status).toBe(200);
		await sleep(350);
		expect((await call(emu, extPath, auth)).status).toBe(200);
		emu.setRateLimit('Light', undefined);
		expect((await call(emu, extPath, auth)).headers.get('x-rate-limit-limit')).toBe('100000');
	});

	it('limits the Auth group per client id and reset() restores the configured limits', async () => {
		const local = await RingCentralEmulator.start({ rateLimits: { Auth: { limit: 1, windowSeconds: 30 } } });
		try {
			expect((await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).status).toBe(200);
			const limited = await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('30');
			// Another (wrong) client id has its own counter.
			expect((await tokenRequest(local, { grant_type: JWT_GRANT }, basic('other-app', 'x'))).status).toBe(401);
			local.setRateLimit('Auth', undefined);
			local.reset();
			expect((await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).status).toBe(200);
			expect((await tokenRequest(local, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt })).status).toBe(429);
		} finally {
			await local.stop();
		}
	});
});

describe('faults', () => {
	it('status: responds without processing, or after storing when processed', async () => {
		emu.injectFault({ path: /\/sms$/, count: 1, fault: { kind: 'status', status: 503 } });
		const plain = await sendJson(emu, token, smsRequest());
		expect(plain.status).toBe(503);
		expect(plain.json.errors[0].errorCode).toBe('CMN-201');
		expect(plain.headers.get('x-rate-limit-group')).toBe('Medium');
		expect(emu.messages).toHaveLength(0);

		emu.injectFault({ method: 'POST', path: SMS_PATH, count: 1, fault: { kind: 'status', status: 500, processed: true, body: { custom: true }, headers: { 'X-Test': 'yes' } } });
		const processed = await sendJson(emu, token, smsRequest());
		expect(processed.status).toBe(500);
		expect(processed.json).toEqual({ custom: true });
		expect(processed.headers.get('x-test')).toBe('yes');
		expect(emu.messages).toHaveLength(1);
		expect(emu.journal[1]).toMatchObject({ status: 500, fault: 'status', messageId: emu.messages[0].id });

		expect((await sendJson(emu, token, smsRequest())).status).toBe(200); // count used up
	});

	it('drop: closes the connection, journaled with status null', async () => {
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'drop' } });
		await expect(sendJson(emu, token, smsRequest())).rejects.toThrow();
		expect(emu.journal[0]).toMatchObject({ status: null, fault: 'drop' });
		expect(emu.messages).toHaveLength(0);

		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'drop', processed: true } });
		await expect(sendJson(emu, token, smsRequest())).rejects.toThrow();
		expect(emu.messages).toHaveLength(1);
		expect(emu.journal[1]).toMatchObject({ status: null, messageId: emu.messages[0].id });
	});

	it('delay: answers late; processed by default even when the client gives up', async () => {
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'delay', ms: 150 } });
		const started = Date.now();
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'delay', ms: 300 } });
		await expect(sendJson(emu, token, smsRequest(), SMS_PATH, { signal: AbortSignal.timeout(80) })).rejects.toThrow();
		expect(emu.messages).toHaveLength(2);

		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'delay', ms: 200, processed: false } });
		await expect(sendJson(emu, token, smsRequest(), SMS_PATH, { signal: AbortSignal.timeout(80) })).rejects.toThrow();
		await sleep(250);
		expect(emu.messages).toHaveLength(2);
		expect(emu.journal[2]).toMatchObject({ status: null, fault: 'delay' });
		expect(emu.journal[2].messageId).toBeUndefined();
	});

	it('malformedJson: 200 with a body that does not parse', async () => {
		emu.injectFault({ path: SMS_PATH, count: 2, fault: { kind: 'malformedJson' } });
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(() => JSON.parse(reply.text)).toThrow();
		expect(emu.messages).toHaveLength(1);
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'malformedJson', processed: false } });
		// The first fault still has one count left and comes first.
		await sendJson(emu, token, smsRequest());
		expect(emu.messages).toHaveLength(2);
		const unprocessed = await sendJson(emu, token, smsRequest());
		expect(() => JSON.parse(unprocessed.text)).toThrow();
		expect(emu.messages).toHaveLength(2);
	});

	it('rateLimited: 429 CMN-301, Retry-After only when given, never processed', async () => {
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'rateLimited', retryAfterSeconds: 7 } });
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'rateLimited' } });
		const withHeader = await sendJson(emu, token, smsRequest());
		expect(withHeader.status).toBe(429);
		expect(withHeader.json.errors[0].errorCode).toBe('CMN-301');
		expect(withHeader.headers.get('retry-after')).toBe('7');
		const without = await sendJson(emu, token, smsRequest());
		expect(without.status).toBe(429);
		expect(without.headers.get('retry-after')).toBeNull();
		expect(emu.messages).toHaveLength(0);
	});

	it('expiredToken: 401 OAU-128 once, then the same token works', async () => {
		emu.injectFault({ method: 'post', path: SMS_PATH, count: 1, fault: { kind: 'expiredToken' } });
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.status).toBe(401);
		expect(reply.json.errors[0].errorCode).toBe('OAU-128');
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
	});

	it('matches method and path, and a real 429 does not consume a fault', async () => {
		emu.injectFault({ method: 'GET', path: SMS_PATH, count: 1, fault: { kind: 'status', status: 500 } });
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
		emu.reset();
		emu.setRateLimit('Medium', { limit: 1, windowSeconds: 0.2, penaltySeconds: 0.1 });
		expect((await sendJson(emu, token, smsRequest())).status).toBe(200);
		emu.injectFault({ path: SMS_PATH, count: 1, fault: { kind: 'status', status: 502 } });
		expect((await sendJson(emu, token, smsRequest())).status).toBe(429);
		await sleep(150);
		expect((await sendJson(emu, token, smsRequest())).status).toBe(502);
	});
});

describe('reset', () => {
	it('clears journal, messages and faults but keeps tokens valid', async () => {
		await sendJson(emu, token, smsRequest());
		emu.injectFault({ path: SMS_PATH, count: 5, fault: { kind: 'status', status: 500 } });
		emu.reset();
		expect(emu.journal).toHaveLength(0);
		expect(emu.messages).toHaveLength(0);
		const reply = await sendJson(emu, token, smsRequest());
		expect(reply.status).toBe(200);
		expect(emu.journal[0].seq).toBe(1);
	});
});

describe('cli', () => {
	it('prints one JSON line and stops on SIGTERM', async () => {
		const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
		const child = spawn(tsx, [path.join(__dirname, '..', '..', 'dev', 'emulator', 'cli.ts'), '--medium-limit', '5', '--window', '2'], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		try {
			const line = await new Promise<string>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk) => {
					out += chunk;
					if (out.includes('\n')) resolve(out.split('\n')[0]);
				});
				child.on('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
			});
			const info = JSON.parse(line);
			expect(info).toMatchObject({ clientId: EMULATOR_DEFAULTS.clientId, clientSecret: EMULATOR_DEFAULTS.clientSecret, jwt: EMULATOR_DEFAULTS.jwt, from: '+16505550100' });
			const res = await fetch(`${info.url}/restapi/v1.0/account/~/extension/~/sms`, { method: 'POST' });
			expect(res.status).toBe(401);
			await res.text();
			const reply = await fetch(`${info.url}/restapi/oauth/token`, {
				method: 'POST',
				headers: { Authorization: basic(), 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt }).toString(),
			});
			const access = ((await reply.json()) as { access_token: string }).access_token;
			const sms = await fetch(`${info.url}${SMS_PATH}`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${access}`, 'Content-Type': 'application/json' },
				body: JSON.stringify(smsRequest()),
			});
			expect(sms.headers.get('x-rate-limit-limit')).toBe('5');
			expect(sms.headers.get('x-rate-limit-window')).toBe('2');
			await sms.text();
			const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 20000);
});
