import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLEnumType,
  type GraphQLField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isLeafType,
} from 'graphql';

import { createTestApp, type TestApp } from '../../test-app';

/** The only operations open to anonymous callers. Adding one is a reviewed change. */
const PUBLIC_OPERATIONS = ['Mutation.login'];

/** A literal of the given input type, filling required fields so the call is well-formed. */
function sample(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return sample(type.ofType);
  if (type instanceof GraphQLList) return `[${sample(type.ofType)}]`;
  if (type instanceof GraphQLEnumType) return type.getValues()[0].name;
  if (type instanceof GraphQLInputObjectType) {
    const required = Object.values(type.getFields()).filter(
      (f) => f.type instanceof GraphQLNonNull,
    );
    return `{${required.map((f) => `${f.name}: ${sample(f.type)}`).join(', ')}}`;
  }
  const scalar = type as GraphQLScalarType;
  const samples: Record<string, string> = {
    String: '"x"',
    ID: '"00000000-0000-4000-8000-000000000000"',
    Int: '1',
    Float: '1.5',
    Boolean: 'true',
    DateTime: '"2024-01-01T00:00:00Z"',
  };
  return samples[scalar.name] ?? '"x"';
}

function operationFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): string {
  const args = field.args.filter((a) => a.type instanceof GraphQLNonNull);
  const argText = args.length
    ? `(${args.map((a) => `${a.name}: ${sample(a.type)}`).join(', ')})`
    : '';
  const selection = isLeafType(getNamedType(field.type))
    ? ''
    : ' { __typename }';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

describe('every non-public GraphQL operation', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('rejects an anonymous call with UNAUTHENTICATED', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.values(schema.getQueryType()?.getFields() ?? {}).map(
        (f) => ['query', 'Query', f] as const,
      ),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}).map(
        (f) => ['mutation', 'Mutation', f] as const,
      ),
    ];
    const guarded = operations.filter(
      ([, type, f]) => !PUBLIC_OPERATIONS.includes(`${type}.${f.name}`),
    );
    expect(guarded.length).toBeGreaterThanOrEqual(6);

    const failures: string[] = [];
    for (const [kind, type, field] of guarded) {
      const result = await api.graphql(operationFor(kind, field));
      const code = result.errors?.[0]?.extensions?.code;
      if (code !== 'UNAUTHENTICATED' || result.data?.[field.name] != null) {
        failures.push(`${type}.${field.name}: ${JSON.stringify(result)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('leaves login open to anonymous callers, answering a wrong password plainly', async () => {
    const result = await api.graphql(
      'mutation { login(email: "nobody@example.org", password: "wrong") { id } }',
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'Wrong email or password.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
