// One emulator lifecycle for jest test files: useEmulator() registers the hooks and hands back the emulator.
import { RingCentralEmulator, type EmulatorOptions } from '../emulator';

export type EmulatorScope =
	/** One emulator for the file (or describe block), reset() before every test. */
	| 'file'
	/** A fresh emulator for every test, e.g. when node state keyed by its URL must not carry over. */
	| 'test';

/**
 * Starts an emulator for the enclosing file or describe block and stops it afterwards. Without
 * options it is as strict as RingCentral (dev/emulator/README.md); a test that needs more
 * throughput scales the window of the group it needs down, never lifts the limit. Sessions
 * survive reset(): a later test's logins may end an earlier test's sessions, as on RingCentral. With
 * scope 'file' it is reset before each test (journal, messages, faults, rate-limit counters; issued
 * tokens stay valid), so each test starts with an empty journal even after a login in beforeAll. The returned object forwards to the running emulator, so tests use it like a
 * plain RingCentralEmulator; touching it outside a test or hook throws.
 */
export function useEmulator(options?: EmulatorOptions, scope: EmulatorScope = 'file'): RingCentralEmulator {
	let current: RingCentralEmulator | undefined;
	const start = async () => {
		current = await RingCentralEmulator.start(options);
	};
	const stop = async () => {
		const running = current;
		current = undefined;
		await running?.stop();
	};
	if (scope === 'file') {
		beforeAll(start);
		afterAll(stop);
		beforeEach(() => current?.reset());
	} else {
		beforeEach(start);
		afterEach(stop);
	}
	return new Proxy({} as RingCentralEmulator, {
		get(_target, property) {
			// Not a thenable: `await` on it must not reach the emulator.
			if (property === 'then') return undefined;
			if (!current) throw new Error(`useEmulator(): the emulator runs only inside tests and hooks (read ${String(property)})`);
			const value: unknown = Reflect.get(current, property, current);
			return typeof value === 'function' ? value.bind(current) : value;
		},
	});
}
