// GraphQL Code Generator: typed documents for the dashboard's operations.
// `npm run codegen` prints the API's schema to the SDL file below, then writes
// the generated code; a data-access spec fails when either is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const GRAPHQL_SCHEMA_FILE = 'libs/dashboard/data-access/schema.graphql';
const GRAPHQL_GENERATED_DIR = 'libs/dashboard/data-access/src/gql/';

const config: CodegenConfig = {
  schema: GRAPHQL_SCHEMA_FILE,
  documents: [
    'libs/dashboard/*/src/**/*.{graphql,ts,tsx}',
    `!${GRAPHQL_GENERATED_DIR}**`,
    '!libs/dashboard/*/src/**/*.spec.{ts,tsx}',
  ],
  ignoreNoDocuments: false,
  generates: {
    [GRAPHQL_GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Operations travel as plain strings: the dashboard posts them with
        // fetch and needs no GraphQL AST at run time.
        documentMode: 'string',
        enumType: 'string-literal',
        useTypeImports: true,
        skipTypename: true,
        scalars: {
          DateTime: 'string',
          JSON: 'unknown',
        },
        strictScalars: true,
      },
    },
  },
};

export default config;
