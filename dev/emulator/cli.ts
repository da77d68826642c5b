// Runs the emulator as a process for the demo, benchmarks or a full n8n instance:
//   npx tsx dev/emulator/cli.ts [--port N] [--medium-limit N --window S] [--penalty S] [--max-sessions N]
// Also --light-limit, --heavy-limit, --auth-limit. --window and --penalty apply to the groups
// given a limit; the others keep RingCentral's defaults (50/40/10/5 per 60 s, 60 s penalty).
// Prints one JSON line, then runs until SIGTERM/SIGINT.
import { DEFAULT_FROM } from './fixtures';
import { RingCentralEmulator } from './server';
import type { EmulatorOptions, RateLimitGroup } from './types';

const GROUPS: Record<string, RateLimitGroup> = { light: 'Light', medium: 'Medium', heavy: 'Heavy', auth: 'Auth' };

function parseArgs(argv: string[]): EmulatorOptions {
	const values: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match) throw new Error(`Unexpected argument: ${argv[i]}`);
		values[match[1]] = match[2] ?? argv[++i];
	}
	const number = (name: string): number | undefined => {
		if (values[name] === undefined) return undefined;
		const value = Number(values[name]);
		if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
		return value;
	};
	const windowSeconds = number('window') ?? 60;
	const penaltySeconds = number('penalty');
	const options: EmulatorOptions = { port: number('port') ?? 0, rateLimits: {}, maxSessionsPerUser: number('max-sessions') };
	for (const [flag, group] of Object.entries(GROUPS)) {
		const limit = number(`${flag}-limit`);
		if (limit !== undefined) options.rateLimits![group] = { limit, windowSeconds, penaltySeconds };
	}
	return options;
}

async function main(): Promise<void> {
	const emulator = await RingCentralEmulator.start(parseArgs(process.argv.slice(2)));
	const { clientId, clientSecret, jwt } = emulator.options;
	process.stdout.write(`${JSON.stringify({ url: emulator.url, clientId, clientSecret, jwt, from: DEFAULT_FROM })}\n`);
	let stopping = false;
	const shutdown = () => {
		if (stopping) return;
		stopping = true;
		emulator.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
