module.exports = {
  displayName: 'import-engine',
  preset: '../../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
