/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	testTimeout: 60000,
	// Each file starts n8n-core afresh; two workers fit this 2-core machine.
	maxWorkers: 2,
};
