import { useCallback, useEffect, useState } from 'react';

import { graphqlRequest } from './graphql-request';
import {
  IMPORT_BATCH_QUERY,
  IMPORT_BATCHES_QUERY,
  IMPORT_PROFILES_QUERY,
  type ImportBatch,
  type ImportBatchesQuery,
  type ImportBatchesQueryVariables,
  type ImportBatchQuery,
  type ImportBatchQueryVariables,
  type ImportBatchSummary,
  type ImportProfile,
  type ImportProfilesQuery,
} from './operations';
import {
  mapQueryResult,
  type QueryResult,
  type QueryState,
  useGraphqlQuery,
} from './use-graphql-query';

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000;
/** Rejected rows shown with an import; the CSV download has them all. */
export const REJECTS_SHOWN = 100;

/** Profiles a file can be uploaded with. */
export function useImportProfiles(): QueryResult<ImportProfile[]> {
  return mapQueryResult(
    useGraphqlQuery<ImportProfilesQuery, Record<string, never>>(
      IMPORT_PROFILES_QUERY,
    ),
    (data) => data.importProfiles,
  );
}

/** Recent imports, newest first. */
export function useImportBatches(
  limit = 20,
): QueryResult<ImportBatchSummary[]> {
  return mapQueryResult(
    useGraphqlQuery<ImportBatchesQuery, ImportBatchesQueryVariables>(
      IMPORT_BATCHES_QUERY,
      { limit },
    ),
    (data) => data.importBatches,
  );
}

/**
 * One import with its first rejects (null when there is none), asked for
 * again every second while it runs. A failed poll shows the error and stops;
 * refetch starts again.
 */
export function useImportBatch(id: string): QueryResult<ImportBatch | null> {
  const [state, setState] = useState<QueryState<ImportBatch | null>>({
    status: 'loading',
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      graphqlRequest<ImportBatchQuery, ImportBatchQueryVariables>(
        IMPORT_BATCH_QUERY,
        { id, rejectsLimit: REJECTS_SHOWN },
        { signal: controller.signal },
      ).then(
        ({ importBatch }) => {
          if (controller.signal.aborted) return;
          setState({ status: 'success', data: importBatch });
          if (importBatch?.status === 'running')
            timer = setTimeout(load, IMPORT_POLL_MS);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
        },
      );
    setState({ status: 'loading' });
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, attempt]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, refetch };
}
