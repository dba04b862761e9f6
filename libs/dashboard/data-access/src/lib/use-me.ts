import { type Me, ME_QUERY, type MeQuery } from './operations';
import {
  mapQueryResult,
  type QueryResult,
  useGraphqlQuery,
} from './use-graphql-query';

/** The signed-in user; fails with code UNAUTHENTICATED when signed out. */
export function useMe(): QueryResult<Me> {
  return mapQueryResult(
    useGraphqlQuery<MeQuery, Record<string, never>>(ME_QUERY),
    (data) => data.me,
  );
}
