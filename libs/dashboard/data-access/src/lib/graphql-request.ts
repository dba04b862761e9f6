/** An error the API reported, or a response that carried no data. */
export class GraphqlError extends Error {
  /** `extensions.code` of the first GraphQL error, e.g. 'UNAUTHENTICATED'. */
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.name = 'GraphqlError';
    this.code = code;
  }
}

interface GraphqlResponseBody<TData> {
  data?: TData | null;
  errors?: ReadonlyArray<{
    message: string;
    extensions?: { code?: unknown };
  }>;
}

export interface GraphqlRequestOptions {
  signal?: AbortSignal;
}

/**
 * POSTs one operation to the API. The session travels as an httpOnly cookie,
 * so the request stays same-origin (the dev server proxies /graphql).
 */
export async function graphqlRequest<
  TData,
  TVariables extends object = Record<string, never>,
>(
  query: string,
  variables?: TVariables,
  options: GraphqlRequestOptions = {},
): Promise<TData> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: options.signal,
  });

  let body: GraphqlResponseBody<TData> | undefined;
  try {
    body = (await response.json()) as GraphqlResponseBody<TData>;
  } catch {
    body = undefined;
  }

  const firstError = body?.errors?.[0];
  if (firstError) {
    const code = firstError.extensions?.code;
    throw new GraphqlError(
      firstError.message,
      typeof code === 'string' ? code : undefined,
    );
  }
  if (!response.ok || body?.data == null) {
    throw new GraphqlError(
      `The server answered ${response.status} without data.`,
    );
  }
  return body.data;
}
