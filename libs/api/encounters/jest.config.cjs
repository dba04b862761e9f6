module.exports = {
  displayName: 'api-encounters',
  preset: '../../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
