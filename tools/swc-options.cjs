// The one SWC configuration: used by Jest and by the API build. Path aliases
// come from tsconfig.base.json so there is a single list of them.
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');

const root = path.resolve(__dirname, '..');

module.exports = {
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true },
    baseUrl: root,
    paths: compilerOptions.paths,
  },
  module: { type: 'commonjs', ignoreDynamic: true },
};
