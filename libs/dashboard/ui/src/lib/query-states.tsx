import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A placeholder while numbers load; `lines` sets its height. */
export function LoadingState({
  label = 'Loading…',
  lines = 3,
}: {
  label?: string;
  lines?: number;
}) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}

/** What failed, in words, and a way to try again. */
export function ErrorState({
  what,
  error,
  onRetry,
}: {
  /** e.g. "the staffing figures". */
  what: string;
  error: Error;
  onRetry: () => void;
}) {
  return (
    <div className="state state--error" role="alert">
      <p>
        Could not load {what}: {error.message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function EmptyState({
  title,
  children,
}: {
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}

/** The whole dashboard before the first import. */
export function NoEncountersState() {
  return (
    <EmptyState title="No encounters yet">
      <p data-testid="no-encounters">
        No encounters yet: import a file on the{' '}
        <Link to="/data">Data page</Link>.
      </p>
    </EmptyState>
  );
}

/** Filters that leave nothing to count. */
export function NoMatchState() {
  return (
    <EmptyState title="No encounters match these filters">
      <p>Choose a longer period, or clear a filter.</p>
    </EmptyState>
  );
}
