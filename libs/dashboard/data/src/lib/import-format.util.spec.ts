import { describe, expect, it } from 'vitest';

import {
  canImport,
  formatCount,
  formatProgress,
  reasonLabel,
  statusLabel,
} from './import-format.util';

describe('canImport', () => {
  it('lets data stewards and admins import', () => {
    expect(canImport('data_steward')).toBe(true);
    expect(canImport('admin')).toBe(true);
  });

  it.each(['viewer', 'planner', 'program_manager', 'grant_writer'] as const)(
    'keeps a %s out',
    (role) => {
      expect(canImport(role)).toBe(false);
    },
  );
});

describe('formatProgress', () => {
  it('rounds down and holds at 99% until the import is done', () => {
    expect(formatProgress(0.456, false)).toBe('45%');
    expect(formatProgress(1, false)).toBe('99%');
    expect(formatProgress(0.2, true)).toBe('100%');
    expect(formatProgress(-1, false)).toBe('0%');
  });
});

describe('labels', () => {
  it('names statuses and reasons in plain words', () => {
    expect(statusLabel('completed')).toBe('Completed');
    expect(reasonLabel('invalid_date')).toBe('Date or time not readable');
    expect(reasonLabel('some_new_reason')).toBe('Some new reason');
  });

  it('formats counts with separators', () => {
    expect(formatCount(12000)).toBe('12,000');
  });
});
