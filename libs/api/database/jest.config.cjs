module.exports = {
  displayName: 'api-database',
  preset: '../../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
