module.exports = {
  displayName: 'api-audit',
  preset: '../../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
