import baseConfig from '../../../eslint.config.mjs';

// src/gql/ is written by GraphQL Code Generator (npm run codegen).
export default [...baseConfig, { ignores: ['src/gql/**'] }];
