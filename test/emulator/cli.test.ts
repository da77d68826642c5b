// The emulator as a process (dev/emulator/cli.ts).
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { EMULATOR_DEFAULTS } from '../../dev/emulator';
import { JWT_GRANT, SMS_PATH, basic, smsRequest } from '../../dev/emulator/client';

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
