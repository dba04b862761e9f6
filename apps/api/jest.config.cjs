module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
