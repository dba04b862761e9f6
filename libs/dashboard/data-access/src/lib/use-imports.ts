import { useCallback, useEffect, useState } from 'react';

import { graphql } from '../gql';
import type {
  ImportBatchQuery,
  ImportProfilesQuery,
} from '../gql/graphql';
import { graphqlRequest } from './graphql-request';
import type { ImportBatchSummary } from './graphql-types';
import {
  mapQueryResult,
  type QueryResult,
  type QueryState,
  useGraphqlQuery,
} from './use-graphql-query';

export type ImportProfile = ImportProfilesQuery['importProfiles'][number];
/** An import with its progress and first rejects. */
export type ImportBatch = NonNullable<ImportBatchQuery['importBatch']>;

const ImportProfilesDocument = graphql(`
  query ImportProfiles {
    importProfiles {
      name
      title
      description
      sourceSystem
      agencyCode
      agencyName
      timeZone
    }
  }
`);

const ImportBatchesDocument = graphql(`
  query ImportBatches($limit: Int) {
    importBatches(limit: $limit) {
      ...ImportBatchSummaryFields
    }
  }
`);

const ImportBatchDocument = graphql(`
  query ImportBatch($id: ID!, $rejectsLimit: Int) {
    importBatch(id: $id) {
      ...ImportBatchSummaryFields
      sourceSystem
      bytesRead
      bytesTotal
      progress
      error
      rejectsByReason {
        reason
        count
      }
      rejects(limit: $rejectsLimit) {
        rowNumber
        column
        reason
        detail
        rawLine
      }
    }
  }
`);

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000;
/** Rejected rows shown with an import; the CSV download has them all. */
export const REJECTS_SHOWN = 100;

/** Profiles a file can be uploaded with. */
export function useImportProfiles(): QueryResult<ImportProfile[]> {
  return mapQueryResult(
    useGraphqlQuery(ImportProfilesDocument, {}),
    (data) => data.importProfiles,
  );
}

/** Recent imports, newest first. */
export function useImportBatches(
  limit = 20,
): QueryResult<ImportBatchSummary[]> {
  return mapQueryResult(
    useGraphqlQuery(ImportBatchesDocument, { limit }),
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
      graphqlRequest(
        ImportBatchDocument,
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
