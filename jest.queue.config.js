/**
 * n8n 2.41.1 in queue mode (Redis, PostgreSQL, a main process and two workers): `npm run test:queue`.
 * One jest worker: each file starts its own cluster, and this machine has 2 cores.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: ['<rootDir>/test/queue/**/*.queue.test.ts'],
	globalSetup: '<rootDir>/dev/queue/globalSetup.ts',
	// Starting the cluster takes about a minute on a busy machine; a 200-message run about 20 s.
	testTimeout: 600000,
	maxWorkers: 1,
	forceExit: false,
	verbose: true,
};
