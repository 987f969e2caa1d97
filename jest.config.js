/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }],
	},
	testTimeout: 60000,
	// Secrets scan: capture console output and harness runs, scan them after the whole run.
	setupFilesAfterEnv: ['<rootDir>/test/reliability/captureSetup.js'],
	reporters: ['default', '<rootDir>/test/reliability/secretsReporter.js'],
	maxWorkers: 2,
};
