import {
  ENCOUNTER_COUNT_QUERY,
  type EncounterCountQuery,
  type EncounterCountQueryVariables,
  type EncounterFilterInput,
} from './operations';
import {
  mapQueryResult,
  type QueryResult,
  useGraphqlQuery,
} from './use-graphql-query';

/** Number of encounters matching the filter (all encounters without one). */
export function useEncounterCount(
  filter?: EncounterFilterInput,
): QueryResult<number> {
  return mapQueryResult(
    useGraphqlQuery<EncounterCountQuery, EncounterCountQueryVariables>(
      ENCOUNTER_COUNT_QUERY,
      filter ? { filter } : {},
    ),
    (data) => data.encounterCount,
  );
}
