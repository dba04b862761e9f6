import { useCallback, useEffect, useState } from 'react';

import { graphqlRequest } from './graphql-request';

export type QueryState<TData> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'success'; data: TData };

export type QueryResult<TData> = QueryState<TData> & {
  /** Runs the query again, e.g. from a "Try again" button. */
  refetch: () => void;
};

const LOADING: QueryState<never> = { status: 'loading' };

/**
 * Runs a query when the component mounts and again whenever the variables
 * change (compared by value, so callers may pass object literals).
 */
export function useGraphqlQuery<TData, TVariables extends object>(
  query: string,
  variables?: TVariables,
): QueryResult<TData> {
  const variablesJson = JSON.stringify(variables ?? null);
  const [state, setState] = useState<QueryState<TData>>(LOADING);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const parsed = JSON.parse(variablesJson) as TVariables | null;
    setState(LOADING);
    graphqlRequest<TData, TVariables>(query, parsed ?? undefined, {
      signal: controller.signal,
    }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error: toError(error) });
        }
      },
    );
    return () => controller.abort();
  }, [query, variablesJson, attempt]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, refetch };
}

/** Maps the data of a successful result, leaving other states as they are. */
export function mapQueryResult<TData, TMapped>(
  result: QueryResult<TData>,
  map: (data: TData) => TMapped,
): QueryResult<TMapped> {
  return result.status === 'success'
    ? { status: 'success', data: map(result.data), refetch: result.refetch }
    : result;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
