/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	// The end-to-end, UI and queue-mode suites need a full n8n: `npm run test:e2e`, `npm run test:ui` and `npm run test:queue` run them with their own configs.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/ui/', '<rootDir>/test/queue/'],
	testTimeout: 60000,
	// Each file starts n8n-core afresh; two workers fit this 2-core machine.
	maxWorkers: 2,
};
