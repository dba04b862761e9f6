import { ZoneOffsets } from './zone-offsets';

const wall = (iso: string) => Date.parse(`${iso}Z`);

describe('ZoneOffsets.toUtc', () => {
  const chicago = new ZoneOffsets('America/Chicago');

  it('converts standard and daylight time', () => {
    expect(
      new Date(chicago.toUtc(wall('2024-01-15T10:00:00'))).toISOString(),
    ).toBe('2024-01-15T16:00:00.000Z');
    expect(
      new Date(chicago.toUtc(wall('2024-07-15T10:00:00'))).toISOString(),
    ).toBe('2024-07-15T15:00:00.000Z');
  });

  it('takes the first of the repeated autumn hour and moves a skipped spring time on', () => {
    // 2024-11-03 01:30 happens twice in Chicago (CDT, then CST).
    expect(
      new Date(chicago.toUtc(wall('2024-11-03T01:30:00'))).toISOString(),
    ).toBe('2024-11-03T06:30:00.000Z');
    // 2024-03-10 02:30 does not exist; it is read as 03:30 CDT.
    expect(
      new Date(chicago.toUtc(wall('2024-03-10T02:30:00'))).toISOString(),
    ).toBe('2024-03-10T08:30:00.000Z');
  });

  it('handles a half-hour zone', () => {
    expect(
      new Date(
        new ZoneOffsets('Asia/Kolkata').toUtc(wall('2024-01-01T05:30:00')),
      ).toISOString(),
    ).toBe('2024-01-01T00:00:00.000Z');
  });
});
