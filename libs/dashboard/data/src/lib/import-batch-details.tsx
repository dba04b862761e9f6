import {
  type ImportBatch,
  REJECTS_SHOWN,
  rejectsCsvUrl,
  useImportBatch,
} from '@crosswalk/dashboard/data-access';
import { useEffect, useId } from 'react';

import {
  formatCount,
  formatInstant,
  formatProgress,
  reasonLabel,
  statusLabel,
} from './import-format.util';

interface ImportBatchDetailsProps {
  batchId: string;
  /** The title of a profile, by name. */
  profileTitle?: (name: string) => string;
  /** Called with each state of the import the page learns. */
  onUpdate?: (batch: ImportBatch) => void;
}

/** One import: live progress while it runs, then its counts and rejects. */
export function ImportBatchDetails({
  batchId,
  profileTitle,
  onUpdate,
}: ImportBatchDetailsProps) {
  const batch = useImportBatch(batchId);
  const headingId = useId();
  const latest = batch.status === 'success' ? batch.data : null;

  useEffect(() => {
    if (latest) onUpdate?.(latest);
  }, [latest, onUpdate]);

  return (
    <section className="panel import-batch" aria-labelledby={headingId}>
      {batch.status === 'loading' && (
        <>
          <h2 id={headingId}>Import</h2>
          <p role="status">Loading…</p>
        </>
      )}
      {batch.status === 'error' && (
        <>
          <h2 id={headingId}>Import</h2>
          <div role="alert">
            <p>Could not load this import: {batch.error.message}</p>
            <button type="button" className="button" onClick={batch.refetch}>
              Try again
            </button>
          </div>
        </>
      )}
      {batch.status === 'success' && !batch.data && (
        <>
          <h2 id={headingId}>Import</h2>
          <p>There is no such import, or it belongs to another agency.</p>
        </>
      )}
      {batch.status === 'success' && batch.data && (
        <ImportBatchView
          batch={batch.data}
          headingId={headingId}
          profileTitle={profileTitle}
        />
      )}
    </section>
  );
}

const COUNTS = [
  ['inserted', 'Inserted'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['rejected', 'Rejected'],
  ['filtered', 'Filtered out'],
] as const;

/** What is known of an import, as of the last poll. */
export function ImportBatchView({
  batch,
  headingId,
  profileTitle = (name) => name,
}: {
  batch: ImportBatch;
  headingId: string;
  profileTitle?: (name: string) => string;
}) {
  const progressId = useId();
  const rejectsHeadingId = useId();
  const running = batch.status === 'running';
  const done = batch.status === 'completed';
  const percent = formatProgress(batch.progress, done);

  return (
    <>
      <h2 id={headingId} className="import-batch__title">
        {batch.fileName}
      </h2>
      <p className="muted import-batch__meta">
        {profileTitle(batch.profile)} · started {formatInstant(batch.startedAt)}
        {batch.finishedAt && ` · finished ${formatInstant(batch.finishedAt)}`}
      </p>

      <div className="import-progress">
        <label htmlFor={progressId} className="import-progress__label">
          Progress
        </label>
        <progress
          id={progressId}
          max={1}
          value={done ? 1 : batch.progress}
          aria-valuetext={`${percent}, ${formatCount(batch.rowsRead)} rows read`}
        >
          {percent}
        </progress>
        {/* Announced as it changes: the status, the share done, the rows read. */}
        <p role="status" className="import-progress__text">
          <span
            className={`status-badge status-badge--${batch.status}`}
            data-testid="import-status"
          >
            {statusLabel(batch.status)}
          </span>{' '}
          {running ? `${percent} · ` : ''}
          <span data-testid="import-rows-read">
            {formatCount(batch.rowsRead)}
          </span>{' '}
          rows read
        </p>
      </div>

      {batch.error && (
        <p className="form-error import-batch__error" role="alert">
          {batch.error}
        </p>
      )}

      <dl className="import-counts">
        {COUNTS.map(([key, label]) => (
          <div key={key} className="import-counts__item">
            <dt>{label}</dt>
            <dd data-testid={`import-${key}`}>{formatCount(batch[key])}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby={rejectsHeadingId} className="import-rejects">
        <div className="import-rejects__header">
          <h3 id={rejectsHeadingId}>Rejected rows</h3>
          {batch.rejected > 0 && (
            <a className="button" href={rejectsCsvUrl(batch.id)} download>
              Download rejects (CSV)
            </a>
          )}
        </div>
        {batch.rejected === 0 ? (
          <p className="muted">
            {running ? 'No rows rejected so far.' : 'No rows were rejected.'}
          </p>
        ) : (
          <RejectsList batch={batch} />
        )}
      </section>
    </>
  );
}

function RejectsList({ batch }: { batch: ImportBatch }) {
  const shown = batch.rejects.length;
  return (
    <>
      <ul className="reject-reasons" aria-label="Rejected rows by reason">
        {batch.rejectsByReason.map(({ reason, count }) => (
          <li key={reason}>
            <span className="reject-reasons__count">{formatCount(count)}</span>{' '}
            {reasonLabel(reason)} <code>{reason}</code>
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="data-table rejects-table">
          <caption>
            {shown < batch.rejected
              ? `The first ${formatCount(shown)} of ${formatCount(batch.rejected)} rejected rows; the CSV has them all.`
              : `${formatCount(shown)} rejected ${shown === 1 ? 'row' : 'rows'}.`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
              <th scope="col">Detail</th>
              <th scope="col">Raw line</th>
            </tr>
          </thead>
          <tbody>
            {batch.rejects.slice(0, REJECTS_SHOWN).map((reject, i) => (
              <tr key={`${reject.rowNumber}-${i}`}>
                <td className="data-table__number">{reject.rowNumber}</td>
                <td>{reject.column ?? '—'}</td>
                <td>{reasonLabel(reject.reason)}</td>
                <td>{reject.detail ?? ''}</td>
                <td>
                  <code className="raw-line">{reject.rawLine}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
