import type {
  ImportBatchSummary,
  QueryResult,
} from '@crosswalk/dashboard/data-access';
import { useId } from 'react';

import { formatCount, formatInstant, statusLabel } from './import-format.util';

interface RecentImportsProps {
  batches: QueryResult<ImportBatchSummary[]>;
  /** A fresher state of one of the imports, shown instead of the listed one. */
  live: ImportBatchSummary | null;
  /** The title of a profile, by name. */
  profileTitle: (name: string) => string;
  selectedId: string | null;
  onSelect: (batchId: string) => void;
}

/** Recent imports, newest first; choosing one shows its details. */
export function RecentImports({
  batches,
  live,
  profileTitle,
  selectedId,
  onSelect,
}: RecentImportsProps) {
  const headingId = useId();

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Recent imports</h2>
      {batches.status === 'loading' && <p role="status">Loading…</p>}
      {batches.status === 'error' && (
        <div role="alert">
          <p>Could not load the imports: {batches.error.message}</p>
          <button type="button" className="button" onClick={batches.refetch}>
            Try again
          </button>
        </div>
      )}
      {batches.status === 'success' && batches.data.length === 0 && (
        <p className="muted">No files have been imported yet.</p>
      )}
      {batches.status === 'success' && batches.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Profile</th>
                <th scope="col">Started</th>
                <th scope="col">Status</th>
                <th scope="col" className="data-table__number">
                  Rows
                </th>
                <th scope="col" className="data-table__number">
                  Inserted
                </th>
                <th scope="col" className="data-table__number">
                  Updated
                </th>
                <th scope="col" className="data-table__number">
                  Rejected
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.data
                .map((listed) =>
                  live?.id === listed.id ? { ...listed, ...live } : listed,
                )
                .map((batch) => (
                  <tr
                    key={batch.id}
                    aria-current={batch.id === selectedId ? 'true' : undefined}
                  >
                    <td>
                      <button
                        type="button"
                        className="link-button data-table__nowrap"
                        onClick={() => onSelect(batch.id)}
                      >
                        {batch.fileName}
                      </button>
                    </td>
                    <td>{profileTitle(batch.profile)}</td>
                    <td className="data-table__nowrap">
                      {formatInstant(batch.startedAt)}
                    </td>
                    <td>
                      <span
                        className={`status-badge status-badge--${batch.status}`}
                      >
                        {statusLabel(batch.status)}
                      </span>
                    </td>
                    <td className="data-table__number">
                      {formatCount(batch.rowsRead)}
                    </td>
                    <td className="data-table__number">
                      {formatCount(batch.inserted)}
                    </td>
                    <td className="data-table__number">
                      {formatCount(batch.updated)}
                    </td>
                    <td className="data-table__number">
                      {formatCount(batch.rejected)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
