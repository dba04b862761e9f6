module.exports = {
  displayName: 'domain',
  preset: '../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
