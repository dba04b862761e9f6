module.exports = {
  displayName: 'tools',
  preset: '../jest.preset.cjs',
  testMatch: ['<rootDir>/*.spec.ts'],
  testTimeout: 60000,
};
