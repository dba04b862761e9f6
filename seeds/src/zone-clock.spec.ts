import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';

import { ZoneClock } from './zone-clock';

const MINUTE = 60_000;

describe('ZoneClock', () => {
  const zone = 'America/Chicago';
  const clock = new ZoneClock(
    zone,
    new Date('2022-12-25T00:00:00Z'),
    new Date('2026-01-10T00:00:00Z'),
  );
  const reference = (ms: number) => formatISO(new TZDate(ms, zone));

  it.each([
    ['spring forward 2024', '2024-03-10T04:00:00Z'],
    ['fall back 2024', '2024-11-03T03:00:00Z'],
    ['spring forward 2025', '2025-03-09T04:00:00Z'],
    ['fall back 2023', '2023-11-05T03:00:00Z'],
  ])(
    'formats every minute around the %s transition like date-fns',
    (_, from) => {
      const start = Date.parse(from);
      for (let ms = start; ms < start + 8 * 60 * MINUTE; ms += MINUTE) {
        expect(clock.formatIso(ms)).toBe(reference(ms));
      }
    },
  );

  it('formats instants across the whole range like date-fns', () => {
    const start = Date.parse('2023-01-01T00:00:00Z');
    const end = Date.parse('2026-01-01T00:00:00Z');
    for (let ms = start; ms < end; ms += 997 * MINUTE + 13_000) {
      expect(clock.formatIso(ms)).toBe(reference(ms));
    }
  });

  it('converts local wall-clock times to instants and back', () => {
    const wall = Date.UTC(2024, 6, 4, 15, 30);
    const utc = clock.toUtc(wall);
    expect(new Date(utc).toISOString()).toBe('2024-07-04T20:30:00.000Z');
    expect(clock.toWall(utc)).toBe(wall);
    expect(clock.toUtc(Date.UTC(2024, 0, 15, 9, 0))).toBe(
      Date.parse('2024-01-15T15:00:00Z'),
    );
  });

  it('maps a wall time skipped by spring-forward to a real instant', () => {
    const utc = clock.toUtc(Date.UTC(2024, 2, 10, 2, 30));
    expect(clock.formatIso(utc)).toBe('2024-03-10T01:30:00-06:00');
  });

  it('handles half-hour offsets and rejects unknown zones and out-of-range instants', () => {
    const adelaide = new ZoneClock(
      'Australia/Adelaide',
      new Date('2024-04-01T00:00:00Z'),
      new Date('2024-04-10T00:00:00Z'),
    );
    const ms = Date.parse('2024-04-06T16:29:00Z');
    for (let t = ms; t < ms + 120 * MINUTE; t += MINUTE) {
      expect(adelaide.formatIso(t)).toBe(
        formatISO(new TZDate(t, 'Australia/Adelaide')),
      );
    }
    expect(
      () => new ZoneClock('Nowhere/Atlantis', new Date(0), new Date(0)),
    ).toThrow(/time zone/);
    expect(() => clock.formatIso(Date.parse('2030-01-01T00:00:00Z'))).toThrow(
      RangeError,
    );
  });
});
