import { useCurrentUser } from '@crosswalk/dashboard/auth';
import {
  clearQueryCache,
  type ImportBatch,
  useImportBatches,
  useImportProfiles,
} from '@crosswalk/dashboard/data-access';
import { useCallback, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';

import { ImportBatchDetails } from './import-batch-details';
import { canImport } from './import-format.util';
import { ImportUploadForm } from './import-upload-form';
import { RecentImports } from './recent-imports';

/** The Data page: upload a file, follow its import, fix its rejects. */
export function DataPage() {
  const me = useCurrentUser();
  return (
    <>
      <title>Data · Crosswalk</title>
      <h1>Data</h1>
      {canImport(me.role) ? (
        <Imports />
      ) : (
        <p className="panel">
          Importing data needs the data steward role. Ask an administrator if
          you need it.
        </p>
      )}
    </>
  );
}

/** The selected import lives in the address (?import=<id>), so it can be linked. */
function Imports() {
  const profiles = useImportProfiles();
  const batches = useImportBatches();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('import');
  const uploadHeadingId = useId();
  const refetchBatches = batches.refetch;
  // The import on show, as last polled: the list shows its live status too.
  const [live, setLive] = useState<ImportBatch | null>(null);
  // A finished import changed the encounters: the dashboard's cached
  // numbers are out of date.
  const finished = live?.status === 'completed' ? live.id : null;
  useEffect(() => {
    if (finished) clearQueryCache();
  }, [finished]);
  const profileList = profiles.status === 'success' ? profiles.data : [];
  const profileTitle = (name: string) =>
    profileList.find((p) => p.name === name)?.title ?? name;

  const select = useCallback(
    (batchId: string) => setParams({ import: batchId }),
    [setParams],
  );
  const started = useCallback(
    (batchId: string) => {
      select(batchId);
      refetchBatches();
    },
    [select, refetchBatches],
  );

  return (
    <div className="data-page">
      <section className="panel" aria-labelledby={uploadHeadingId}>
        <h2 id={uploadHeadingId}>Import a file</h2>
        {profiles.status === 'loading' && <p role="status">Loading…</p>}
        {profiles.status === 'error' && (
          <div role="alert">
            <p>Could not load the import profiles: {profiles.error.message}</p>
            <button type="button" className="button" onClick={profiles.refetch}>
              Try again
            </button>
          </div>
        )}
        {profiles.status === 'success' && profiles.data.length === 0 && (
          <p>
            There are no import profiles for your agency yet. A profile
            describes how a source system&apos;s export maps to encounters.
          </p>
        )}
        {profiles.status === 'success' && profiles.data.length > 0 && (
          <ImportUploadForm profiles={profiles.data} onStarted={started} />
        )}
      </section>

      {selectedId && (
        <ImportBatchDetails
          key={selectedId}
          batchId={selectedId}
          profileTitle={profileTitle}
          onUpdate={setLive}
        />
      )}

      <RecentImports
        batches={batches}
        live={live}
        profileTitle={profileTitle}
        selectedId={selectedId}
        onSelect={select}
      />
    </div>
  );
}
