import { useEncounterCount } from '@crosswalk/dashboard/data-access';

import { formatCount } from './format-count.util';

export function OverviewPage() {
  const encounterCount = useEncounterCount();

  return (
    <>
      <title>Overview · Crosswalk</title>
      <h1>Overview</h1>
      <section className="stat-card" aria-labelledby="encounters-label">
        <h2 id="encounters-label" className="stat-card__label">
          Encounters
        </h2>
        {encounterCount.status === 'loading' && <p role="status">Loading…</p>}
        {encounterCount.status === 'error' && (
          <div role="alert">
            <p>
              Could not load the encounter count: {encounterCount.error.message}
            </p>
            <button
              type="button"
              className="button"
              onClick={encounterCount.refetch}
            >
              Try again
            </button>
          </div>
        )}
        {encounterCount.status === 'success' && (
          <p className="stat-card__value" data-testid="encounter-count">
            {formatCount(encounterCount.data)}
          </p>
        )}
        <p className="stat-card__note">
          All encounter records you have access to, with no filters applied.
        </p>
      </section>
    </>
  );
}
