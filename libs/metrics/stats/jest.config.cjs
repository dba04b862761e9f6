module.exports = {
  displayName: 'metrics-stats',
  preset: '../../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
