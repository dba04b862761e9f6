module.exports = {
  displayName: 'seeds',
  preset: '../jest.preset.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
