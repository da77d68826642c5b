import { runRingCentral } from '../../../dev/harness/engine';
import { batchRequests, credentialStore, highVolumeParameters } from '../../../dev/harness/setup';
import { useEmulator } from '../../../dev/harness/lifecycle';
import { A2P_LIMITS } from '../../../dev/emulator';

const emulator = useEmulator({ a2p: { timeScale: 0.001 } });

describe("a batch stays under RingCentral's 50 MB request body limit", () => {
	test('9,000 texts of 1000 control characters (54 MB as JSON) go in two requests the emulator accepts', async () => {
		// JSON writes each U+0001 as \u0001: 6 bytes, so a message takes about 6 kB.
		const text = '\u0001'.repeat(1000);
		const items = Array.from({ length: 9000 }, (_, i) => ({ json: { phone: `+1415${String(5550000 + i)}`, text: i % 2 ? text : `${text.slice(1)}x` } }));
		const { output, error } = await runRingCentral({ parameters: highVolumeParameters(), credentials: credentialStore(emulator), items });
		expect(error).toBeUndefined();
		const requests = batchRequests(emulator);
		expect(requests.map((request) => request.status)).toEqual([201, 201]);
		const sizes = requests.map((request) => Buffer.byteLength(JSON.stringify(request.body)));
		expect(sizes.every((size) => size <= A2P_LIMITS.maxBodyBytes)).toBe(true);
		expect(sizes[0]).toBeGreaterThan(0.95 * A2P_LIMITS.maxBodyBytes);
		expect(emulator.a2p.messages).toHaveLength(9000);
		expect(output).toHaveLength(9000);
	}, 120_000);
});
