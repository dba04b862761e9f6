// Integration specs run against real PostgreSQL: the embedded server unless
// DATABASE_URL is set. Each run gets a database of its own (see global-setup).
module.exports = {
  displayName: 'api-integration',
  preset: './jest.preset.cjs',
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/api/test/integration/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  testTimeout: 60000,
};
