import type { ImportBatchStatus } from '@crosswalk/dashboard/data-access';
import type { Role } from '@crosswalk/domain';
import { format } from 'date-fns';

/** Roles the API lets upload and see imports. */
const IMPORT_ROLES: ReadonlySet<Role> = new Set(['data_steward', 'admin']);

export function canImport(role: Role): boolean {
  return IMPORT_ROLES.has(role);
}

const countFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 0,
});

/** 12000 -> "12,000". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** 0.456 -> "46%"; never shows 100% before the end. */
export function formatProgress(progress: number, done: boolean): string {
  if (done) return '100%';
  return `${Math.min(99, Math.floor(Math.max(0, progress) * 100))}%`;
}

/** "Jun 3, 2025, 2:05 PM" in the browser's time zone. */
export function formatInstant(iso: string): string {
  return format(new Date(iso), 'MMM d, yyyy, h:mm a');
}

const STATUS_LABELS: Record<ImportBatchStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

export function statusLabel(status: ImportBatchStatus): string {
  return STATUS_LABELS[status] ?? status;
}

const REASON_LABELS: Record<string, string> = {
  missing_record_id: 'Missing record id',
  duplicate_record_id: 'Record id repeated in the file',
  missing_required: 'Missing required value',
  invalid_date: 'Date or time not readable',
  future_date: 'Date in the future',
  time_order: 'Times out of order',
  unmapped_value: 'Value not in the mapping',
  invalid_number: 'Number not readable',
  invalid_boolean: 'Yes/no value not readable',
  ragged_row: 'Wrong number of fields',
  invalid_utf8: 'Unreadable characters',
  malformed_csv: 'Broken CSV quoting',
};

/** Plain words for a reject reason code; unknown codes are shown readably. */
export function reasonLabel(reason: string): string {
  const label = REASON_LABELS[reason];
  if (label) return label;
  const words = reason.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
