const swcOptions = require('./tools/swc-options.cjs');

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcOptions, swcrc: false }],
  },
};
