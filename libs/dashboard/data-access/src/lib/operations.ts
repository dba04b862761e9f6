import type { ResponseModel, Role } from '@crosswalk/domain';

// Hand-written to match the API schema until GraphQL Code Generator takes
// over; keep each operation next to its result and variable types.

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface EncounterFilterInput {
  /** ISO 8601 date-time, inclusive. */
  from?: string | null;
  /** ISO 8601 date-time, exclusive. */
  to?: string | null;
  areaIds?: readonly string[] | null;
  programId?: string | null;
  responseModels?: readonly ResponseModel[] | null;
}

export const ME_QUERY = /* GraphQL */ `
  query Me {
    me {
      id
      email
      displayName
      role
    }
  }
`;
export interface MeQuery {
  me: Me;
}

export const ENCOUNTER_COUNT_QUERY = /* GraphQL */ `
  query EncounterCount($filter: EncounterFilterInput) {
    encounterCount(filter: $filter)
  }
`;
export interface EncounterCountQuery {
  encounterCount: number;
}
export interface EncounterCountQueryVariables {
  filter?: EncounterFilterInput | null;
}

export const LOGIN_MUTATION = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      email
      displayName
      role
    }
  }
`;
export interface LoginMutation {
  login: Me;
}
export interface LoginMutationVariables {
  email: string;
  password: string;
}

export const LOGOUT_MUTATION = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;
export interface LogoutMutation {
  logout: boolean;
}

export type ImportBatchStatus =
  'running' | 'completed' | 'failed' | 'interrupted';

export interface ImportProfile {
  name: string;
  title: string;
  description: string | null;
  sourceSystem: string;
  agencyCode: string;
  agencyName: string;
  timeZone: string;
}

export interface ImportBatchSummary {
  id: string;
  profile: string;
  fileName: string;
  status: ImportBatchStatus;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  filtered: number;
  /** ISO 8601 date-time. */
  startedAt: string;
  finishedAt: string | null;
}

export interface RejectCount {
  reason: string;
  count: number;
}

export interface ImportReject {
  rowNumber: number;
  column: string | null;
  reason: string;
  detail: string | null;
  rawLine: string;
}

export interface ImportBatch extends ImportBatchSummary {
  sourceSystem: string;
  bytesRead: number;
  bytesTotal: number | null;
  /** Share of the file done, 0 to 1. */
  progress: number;
  error: string | null;
  rejectsByReason: RejectCount[];
  rejects: ImportReject[];
}

export const IMPORT_PROFILES_QUERY = /* GraphQL */ `
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
`;
export interface ImportProfilesQuery {
  importProfiles: ImportProfile[];
}

export const IMPORT_BATCHES_QUERY = /* GraphQL */ `
  query ImportBatches($limit: Int) {
    importBatches(limit: $limit) {
      id
      profile
      fileName
      status
      rowsRead
      inserted
      updated
      unchanged
      rejected
      filtered
      startedAt
      finishedAt
    }
  }
`;
export interface ImportBatchesQuery {
  importBatches: ImportBatchSummary[];
}
export interface ImportBatchesQueryVariables {
  limit?: number | null;
}

export const IMPORT_BATCH_QUERY = /* GraphQL */ `
  query ImportBatch($id: ID!, $rejectsLimit: Int) {
    importBatch(id: $id) {
      id
      profile
      sourceSystem
      fileName
      status
      rowsRead
      inserted
      updated
      unchanged
      rejected
      filtered
      bytesRead
      bytesTotal
      progress
      startedAt
      finishedAt
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
`;
export interface ImportBatchQuery {
  importBatch: ImportBatch | null;
}
export interface ImportBatchQueryVariables {
  id: string;
  rejectsLimit?: number | null;
}
