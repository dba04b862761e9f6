import { useCallback, useEffect, useRef, useState } from 'react';

import type { TypedDocumentString } from '../gql/graphql';
import { graphqlRequest } from './graphql-request';
import { queryCache } from './query-cache';

export type QueryState<TData> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'success'; data: TData };

export type QueryResult<TData> = QueryState<TData> & {
  /** Runs the query again, e.g. from a "Try again" button. */
  refetch: () => void;
};

export interface GraphqlQueryOptions {
  /**
   * Reuse an answer this young (ms) instead of asking again, so Back and
   * switching pages are instant. Off by default.
   */
  cacheMs?: number;
}

const LOADING: QueryState<never> = { status: 'loading' };

interface KeyedState<TData> {
  key: string;
  state: QueryState<TData>;
}

/**
 * Runs a query (a typed document from `graphql()`) when the component mounts
 * and again whenever the variables change (compared by value, so callers may
 * pass object literals). Null variables wait: they are not known yet.
 */
export function useGraphqlQuery<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables | null,
  options: GraphqlQueryOptions = {},
): QueryResult<TData> {
  const { cacheMs = 0 } = options;
  const skip = variables === null;
  const query = document.toString();
  const variablesJson = JSON.stringify(variables);
  const key = `${query}\n${variablesJson}`;
  const cached = (): QueryState<TData> | undefined => {
    const data = cacheMs > 0 ? queryCache.get<TData>(key, cacheMs) : undefined;
    return data === undefined ? undefined : { status: 'success', data };
  };
  const [keyed, setKeyed] = useState<KeyedState<TData>>(() => ({
    key,
    state: cached() ?? LOADING,
  }));
  const [attempt, setAttempt] = useState(0);
  // "Try again" asks the server even when an answer is cached.
  const bypassCache = useRef(false);

  useEffect(() => {
    if (skip) return;
    const force = bypassCache.current;
    bypassCache.current = false;
    if (!force) {
      const hit = cached();
      if (hit) {
        setKeyed({ key, state: hit });
        return;
      }
    }
    const controller = new AbortController();
    setKeyed({ key, state: LOADING });
    graphqlRequest(document, JSON.parse(variablesJson) as TVariables, {
      signal: controller.signal,
    }).then(
      (data) => {
        if (controller.signal.aborted) return;
        if (cacheMs > 0) queryCache.set(key, data);
        setKeyed({ key, state: { status: 'success', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setKeyed({ key, state: { status: 'error', error: toError(error) } });
        }
      },
    );
    return () => controller.abort();
  }, [document, variablesJson, key, attempt, skip, cacheMs]);

  const refetch = useCallback(() => {
    bypassCache.current = true;
    setAttempt((n) => n + 1);
  }, []);
  // Until the effect has run for new variables, show their cached answer or
  // loading, never the answer to the previous variables.
  const state =
    keyed.key === key && !skip ? keyed.state : (cached() ?? LOADING);
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
