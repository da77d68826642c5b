/**
 * The editor in a real browser (see test/ui/): `npm run test:ui`. Needs a build, n8n 2.41.1 in the
 * cache (the e2e globalSetup installs it) and Debian's chromium.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: ['<rootDir>/test/ui/**/*.ui.test.ts'],
	globalSetup: '<rootDir>/dev/n8n/globalSetup.ts',
	// One browser walks through the steps in order; n8n starts in beforeAll (about 20 s).
	testTimeout: 120000,
	maxWorkers: 1,
	verbose: true,
};
