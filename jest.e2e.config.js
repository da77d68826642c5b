/**
 * End-to-end tests in a real n8n 2.41.1 (see test/e2e/): `npm run test:e2e`; another version with
 * N8N_E2E_VERSION (`npm run test:e2e:n8n1`: the smoke and HTTP Request tests in n8n 1.123.81).
 * One worker: every file runs its own n8n processes and this machine has 2 cores.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	globalSetup: '<rootDir>/dev/n8n/globalSetup.ts',
	globalTeardown: '<rootDir>/dev/n8n/globalTeardown.ts',
	// beforeAll starts n8n (about 20 s) and CLI runs take about 4 s each.
	testTimeout: 180000,
	maxWorkers: 1,
	// n8n and the emulator are stopped in afterAll; this catches a forgotten handle.
	forceExit: false,
	verbose: true,
};
