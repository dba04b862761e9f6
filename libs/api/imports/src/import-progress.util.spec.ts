import { importProgress } from './import-progress.util';

describe('importProgress', () => {
  it('is the share of bytes read while running', () => {
    expect(
      importProgress({ status: 'running', bytesRead: 250, bytesTotal: 1000 }),
    ).toBe(0.25);
  });

  it('is 1 once completed, whatever the counters say', () => {
    expect(
      importProgress({ status: 'completed', bytesRead: 0, bytesTotal: 0 }),
    ).toBe(1);
  });

  it('is 0 without a known size and never above 1', () => {
    expect(
      importProgress({ status: 'running', bytesRead: 10, bytesTotal: null }),
    ).toBe(0);
    expect(
      importProgress({ status: 'failed', bytesRead: 12, bytesTotal: 10 }),
    ).toBe(1);
  });
});
