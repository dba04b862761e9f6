module.exports = {
  displayName: 'api-auth',
  preset: '../../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
