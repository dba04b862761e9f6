import { tzOffset } from '@date-fns/tz';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Offsets are tabulated per 15 minutes: every IANA transition falls on one. */
const SLOT_MS = 15 * MINUTE_MS;
const SLOTS_PER_DAY = DAY_MS / SLOT_MS;

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) =>
  String(i).padStart(2, '0'),
);

/**
 * Fast conversions between UTC instants and wall-clock time in one IANA zone
 * over a bounded range. The time zone library is asked once per UTC day (and
 * per 15 minutes only on days whose offset changes), so generating a million
 * encounters never calls it in the hot loop.
 */
export class ZoneClock {
  private readonly fromMs: number;
  private readonly offsets: Int16Array;
  private readonly offsetText = new Map<number, string>();
  private readonly dateText: (string | undefined)[] = [];
  private readonly firstDay: number;

  /**
   * @param zone IANA time zone, e.g. America/Chicago
   * @param from first instant covered (rounded down to a UTC day)
   * @param to last instant covered (rounded up to a UTC day)
   */
  constructor(
    readonly zone: string,
    from: Date,
    to: Date,
  ) {
    this.fromMs = Math.floor(from.getTime() / DAY_MS) * DAY_MS;
    const days = Math.ceil((to.getTime() - this.fromMs) / DAY_MS) + 1;
    this.firstDay = this.fromMs / DAY_MS - 1;
    this.offsets = new Int16Array(days * SLOTS_PER_DAY);
    const offsetAt = (ms: number) => {
      const offset = tzOffset(zone, new Date(ms));
      if (!Number.isInteger(offset)) {
        throw new Error(`Unknown or unsupported time zone: ${zone}`);
      }
      return offset;
    };
    let next = offsetAt(this.fromMs);
    for (let day = 0; day < days; day++) {
      const start = this.fromMs + day * DAY_MS;
      const first = next;
      next = offsetAt(start + DAY_MS);
      const base = day * SLOTS_PER_DAY;
      for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
        this.offsets[base + slot] =
          first === next ? first : offsetAt(start + slot * SLOT_MS);
      }
    }
  }

  /** UTC offset in minutes at an instant (e.g. -300 for CDT). */
  offsetMinutes(utcMs: number): number {
    const slot = Math.floor((utcMs - this.fromMs) / SLOT_MS);
    if (slot < 0 || slot >= this.offsets.length) {
      throw new RangeError(
        `${new Date(utcMs).toISOString()} is outside this ZoneClock's range`,
      );
    }
    return this.offsets[slot];
  }

  /**
   * The instant of a wall-clock time, given as milliseconds of the wall time
   * read as if it were UTC (Date.UTC(y, m, d, h, min)). A wall time skipped by
   * a spring-forward transition maps to the instant one offset-change earlier.
   */
  toUtc(wallMs: number): number {
    const guess = wallMs - this.offsetMinutes(wallMs) * MINUTE_MS;
    return wallMs - this.offsetMinutes(guess) * MINUTE_MS;
  }

  /** Wall-clock milliseconds (as if UTC) of an instant. */
  toWall(utcMs: number): number {
    return utcMs + this.offsetMinutes(utcMs) * MINUTE_MS;
  }

  /** ISO 8601 with the zone's offset, e.g. 2024-07-01T15:04:00-05:00. */
  formatIso(utcMs: number): string {
    const offset = this.offsetMinutes(utcMs);
    const wall = utcMs + offset * MINUTE_MS;
    const day = Math.floor(wall / DAY_MS);
    const secondOfDay = Math.floor((wall - day * DAY_MS) / 1000);
    const hour = Math.floor(secondOfDay / 3600);
    const minute = Math.floor(secondOfDay / 60) % 60;
    return `${this.date(day)}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${
      TWO_DIGITS[secondOfDay % 60]
    }${this.offsetSuffix(offset)}`;
  }

  private date(day: number): string {
    const index = day - this.firstDay;
    let text = this.dateText[index];
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.dateText[index] = text;
    }
    return text;
  }

  private offsetSuffix(offset: number): string {
    let text = this.offsetText.get(offset);
    if (text === undefined) {
      const abs = Math.abs(offset);
      text = `${offset < 0 ? '-' : '+'}${TWO_DIGITS[Math.floor(abs / 60)]}:${
        TWO_DIGITS[abs % 60]
      }`;
      this.offsetText.set(offset, text);
    }
    return text;
  }
}
