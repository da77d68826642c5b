// The emulator as a process (dev/emulator/cli.ts).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import * as path from 'node:path';
import type { Readable } from 'node:stream';

import { EMULATOR_DEFAULTS } from '../../dev/emulator';
import { JWT_GRANT, SMS_PATH, basic, sendJson, smsRequest, tokenRequest } from '../../dev/emulator/client';

interface Cli {
	child: ChildProcessByStdio<null, Readable, Readable>;
	/** The JSON line the process printed. */
	info: { url: string; clientId: string; clientSecret: string; jwt: string; from: string };
}

/** Starts cli.ts with these flags and reads its one JSON line. */
async function startCli(args: string[]): Promise<Cli> {
	const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
	const child = spawn(tsx, [path.join(__dirname, '..', '..', 'dev', 'emulator', 'cli.ts'), ...args], {
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
		return { child, info: JSON.parse(line) };
	} catch (error) {
		if (child.exitCode === null) child.kill('SIGKILL');
		throw error;
	}
}

/** Last resort after a failure: tsx does not pass SIGKILL on to the emulator it runs. */
function kill(cli: Cli | undefined): void {
	if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
}

/** SIGTERM, which tsx passes on: the emulator stops and the process exits 0. */
async function stop(cli: Cli): Promise<number | null> {
	if (cli.child.exitCode !== null) return cli.child.exitCode;
	const exited = new Promise<number | null>((resolve) => cli.child.once('exit', (code) => resolve(code)));
	cli.child.kill('SIGTERM');
	return await exited;
}

describe('cli', () => {
	it('prints one JSON line and stops on SIGTERM', async () => {
		let cli: Cli | undefined;
		try {
			cli = await startCli(['--medium-limit', '5', '--window', '2']);
			const { child, info } = cli;
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
			kill(cli);
		}
	}, 20000);

	it("keeps RingCentral's defaults for groups without a flag, and --max-sessions limits sessions", async () => {
		let cli: Cli | undefined;
		try {
			cli = await startCli(['--medium-limit', '5', '--window', '2', '--max-sessions', '1']);
			const { info } = cli;
			const first = await tokenRequest(info, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
			// --window applies to the flagged groups only: Auth stays at 5 per 60 s.
			expect(first.headers.get('x-rate-limit-group')).toBe('Auth');
			expect(first.headers.get('x-rate-limit-limit')).toBe('5');
			expect(first.headers.get('x-rate-limit-window')).toBe('60');
			const second = await tokenRequest(info, { grant_type: JWT_GRANT, assertion: EMULATOR_DEFAULTS.jwt });
			expect(second.status).toBe(200);
			const ended = await sendJson(info, first.json.access_token, smsRequest());
			expect(ended.status).toBe(401);
			expect(ended.json.errors[0].errorCode).toBe('OAU-129');
			expect((await sendJson(info, second.json.access_token, smsRequest())).status).toBe(200);
			expect(await stop(cli)).toBe(0);
		} finally {
			kill(cli);
		}
	}, 20000);
});
