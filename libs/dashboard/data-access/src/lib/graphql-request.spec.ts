import { afterEach, describe, expect, it, vi } from 'vitest';

import { TypedDocumentString } from '../gql/graphql';
import { GraphqlError, graphqlRequest } from './graphql-request';

const document = <TData = unknown, TVariables = unknown>(query: string) =>
  new TypedDocumentString<TData, TVariables>(query);

function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

describe('graphqlRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('posts the operation as same-origin JSON and returns data', async () => {
    answer(200, { data: { encounterCount: 50000 } });

    const data = await graphqlRequest(
      document<{ encounterCount: number }, { filter: null }>(
        'query { encounterCount }',
      ),
      { filter: null },
    );

    expect(data).toEqual({ encounterCount: 50000 });
    expect(fetch).toHaveBeenCalledWith(
      '/graphql',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query { encounterCount }',
          variables: { filter: null },
        }),
      }),
    );
  });

  it('throws the first error with its message and extensions.code', async () => {
    answer(200, {
      data: null,
      errors: [
        {
          message: 'Wrong email or password.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
        { message: 'second', extensions: { code: 'OTHER' } },
      ],
    });

    const error = await graphqlRequest(document('mutation { logout }')).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(GraphqlError);
    expect(error).toMatchObject({
      message: 'Wrong email or password.',
      code: 'UNAUTHENTICATED',
    });
  });

  it('reads errors from non-2xx responses too', async () => {
    answer(400, {
      errors: [
        { message: 'Bad input', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });

    await expect(graphqlRequest(document('query { me { id } }'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('throws a GraphqlError without code when the body is not GraphQL', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad Gateway', { status: 502 })),
    );

    const error = await graphqlRequest(document('query { me { id } }')).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(GraphqlError);
    expect(error).toMatchObject({
      message: 'The server answered 502 without data.',
      code: undefined,
    });
  });
});
