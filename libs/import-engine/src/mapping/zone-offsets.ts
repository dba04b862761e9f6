import { tzOffset } from '@date-fns/tz';

const HOUR_MS = 3_600_000;

/**
 * Converts wall-clock times in one IANA zone to UTC instants and back. Offsets are
 * looked up once per hour of time and cached, so a million rows cost a few
 * thousand time zone look-ups. (Every zone in use changes offset on the hour
 * or half hour; the half-hour zones change on the hour too.)
 */
export class ZoneOffsets {
  private readonly cache = new Map<number, number>();

  constructor(readonly zone: string) {}

  private offsetMs(utcMs: number): number {
    const hour = Math.floor(utcMs / HOUR_MS);
    let offset = this.cache.get(hour);
    if (offset === undefined) {
      offset = tzOffset(this.zone, new Date(hour * HOUR_MS)) * 60_000;
      this.cache.set(hour, offset);
    }
    return offset;
  }

  /** The wall time of an instant, as milliseconds read as if UTC. */
  toWall(utcMs: number): number {
    return utcMs + this.offsetMs(utcMs);
  }

  /**
   * The instant of a wall time given as milliseconds read as if UTC
   * (Date.UTC(y, m, d, h, min, s)), disambiguated as Temporal's "compatible":
   * in a repeated autumn hour the earlier instant; a wall time skipped in
   * spring is read with the offset before the change (02:30 becomes 03:30).
   */
  toUtc(wallMs: number): number {
    const before = wallMs - this.offsetMs(wallMs - 86_400_000);
    const after = wallMs - this.offsetMs(wallMs + 86_400_000);
    const valid = (t: number) => t + this.offsetMs(t) === wallMs;
    if (valid(before) && valid(after)) return Math.min(before, after);
    if (valid(after)) return after;
    return before;
  }
}
