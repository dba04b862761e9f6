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
