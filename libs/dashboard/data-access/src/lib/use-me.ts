import { graphql } from '../gql';
import type { Me } from './graphql-types';
import {
  mapQueryResult,
  type QueryResult,
  useGraphqlQuery,
} from './use-graphql-query';

const MeDocument = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);

/** The signed-in user; fails with code UNAUTHENTICATED when signed out. */
export function useMe(): QueryResult<Me> {
  return mapQueryResult(
    useGraphqlQuery(MeDocument, {}),
    (data) => data.me,
  );
}
