import {
  createDemoZoneClock,
  type DemoEncounter,
  type DemoReferral,
  generateEncounters,
  type GenerateEncountersOptions,
} from './generate-encounters';
import type { ZoneClock } from './zone-clock';

/** Columns before the area, in record order (DOMAIN.md section 2). */
const HEAD_COLUMNS = [
  'source_system',
  'source_record_id',
  'occurred_at',
  'time_precision',
  'received_at',
  'dispatched_at',
  'arrived_at',
  'cleared_at',
] as const;

/** Columns after the area. */
const TAIL_COLUMNS = [
  'latitude',
  'longitude',
  'call_origin',
  'initial_call_type',
  'final_call_type',
  'initial_call_bh',
  'bh_category',
  'response_model',
  'cit_officer_dispatched',
  'cit_officer_arrived',
  'peer_specialist_involved',
  'police_backup_requested',
  'arrest',
  'citation',
  'jail_booking',
  'emergency_detention',
  'ed_transport',
  'voluntary_treatment',
  'referral_made',
  'resolved_on_scene',
  'force_level',
  'subject_injured',
  'officer_injured',
  'person_key',
  'age_band',
  'gender',
  'race',
  'ethnicity',
  'officer_minutes',
  'clinician_minutes',
] as const;

/** Referrals a line of the CSV file has room for: an encounter has up to two. */
const CSV_REFERRALS = 2;

/** Columns of the demo CSV file: the encounter record, area as its code, then its referrals. */
export const ENCOUNTER_CSV_COLUMNS: readonly string[] = [
  ...HEAD_COLUMNS,
  'area_code',
  ...TAIL_COLUMNS,
  ...Array.from({ length: CSV_REFERRALS }, (_, i) =>
    ['provider', 'type', 'connected_within_30d'].map(
      (column) => `referral_${i + 1}_${column}`,
    ),
  ).flat(),
];

/** Columns of the COPY of referrals (EncounterCsvFormatter.referralCopyLines), by their encounter's record id. */
export const REFERRAL_COPY_COLUMNS: readonly string[] = [
  'source_record_id',
  'provider',
  'referral_type',
  'connected_within_30d',
];

/** Columns of the COPY into the encounters table, in EncounterCsvFormatter.copyLine order. */
export const ENCOUNTER_COPY_COLUMNS: readonly string[] = [
  'agency_id',
  'area_id',
  ...HEAD_COLUMNS,
  ...TAIL_COLUMNS,
];

const NEEDS_QUOTES = /[",\r\n]/;

/** A CSV field for text: quoted when needed, and "" for an empty (not null) string. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  if (value.length > 0 && !NEEDS_QUOTES.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

const bool = (value: boolean | null) =>
  value === null ? '' : value ? 'true' : 'false';
const num = (value: number | null) => (value === null ? '' : String(value));

/**
 * Formats demo encounters as CSV lines (RFC 4180, "\n" line ends): unknown is
 * an empty field, booleans true/false, instants ISO 8601 with the agency
 * zone's offset. The same text feeds the CSV file and PostgreSQL's COPY ...
 * (FORMAT csv), where an unquoted empty field is NULL.
 */
export class EncounterCsvFormatter {
  constructor(private readonly clock: ZoneClock = createDemoZoneClock()) {}

  header(): string {
    return `${ENCOUNTER_CSV_COLUMNS.join(',')}\n`;
  }

  /** A line of the CSV file: area as its code, person_key as 64 hex digits, referrals last. */
  fileLine(encounter: DemoEncounter): string {
    let referrals = '';
    for (let i = 0; i < CSV_REFERRALS; i++) {
      const referral = encounter.referrals[i];
      referrals += referral ? `,${this.referral(referral)}` : ',,,';
    }
    return `${this.head(encounter)},${csvText(encounter.areaCode)},${this.tail(encounter, '')}${referrals}\n`;
  }

  /** A line for COPY encounters (ENCOUNTER_COPY_COLUMNS): person_key as bytea hex. */
  copyLine(encounter: DemoEncounter, agencyId: string, areaId: string): string {
    return `${agencyId},${areaId},${this.head(encounter)},${this.tail(encounter, '\\x')}\n`;
  }

  /** Lines for COPY of the encounter's referrals (REFERRAL_COPY_COLUMNS); '' for none. */
  referralCopyLines(encounter: DemoEncounter): string {
    let lines = '';
    for (const referral of encounter.referrals)
      lines += `${csvText(encounter.sourceRecordId)},${this.referral(referral)}\n`;
    return lines;
  }

  private referral(r: DemoReferral): string {
    return `${csvText(r.provider)},${csvText(r.referralType)},${bool(r.connectedWithin30d)}`;
  }

  private time(value: number | null): string {
    return value === null ? '' : this.clock.formatIso(value);
  }

  private head(e: DemoEncounter): string {
    return `${csvText(e.sourceSystem)},${csvText(e.sourceRecordId)},${this.time(
      e.occurredAt,
    )},${e.timePrecision},${this.time(e.receivedAt)},${this.time(
      e.dispatchedAt,
    )},${this.time(e.arrivedAt)},${this.time(e.clearedAt)}`;
  }

  private tail(e: DemoEncounter, byteaPrefix: string): string {
    const personKey = e.personKey === null ? '' : byteaPrefix + e.personKey;
    return (
      `${num(e.latitude)},${num(e.longitude)},${e.callOrigin},` +
      `${csvText(e.initialCallType)},${csvText(e.finalCallType)},` +
      `${bool(e.initialCallBh)},${e.bhCategory},${e.responseModel},` +
      `${bool(e.citOfficerDispatched)},${bool(e.citOfficerArrived)},` +
      `${bool(e.peerSpecialistInvolved)},${bool(e.policeBackupRequested)},` +
      `${bool(e.arrest)},${bool(e.citation)},${bool(e.jailBooking)},` +
      `${bool(e.emergencyDetention)},${bool(e.edTransport)},` +
      `${bool(e.voluntaryTreatment)},${bool(e.referralMade)},` +
      `${bool(e.resolvedOnScene)},${e.forceLevel ?? ''},` +
      `${bool(e.subjectInjured)},${bool(e.officerInjured)},${personKey},` +
      `${csvText(e.ageBand)},${csvText(e.gender)},${csvText(e.race)},` +
      `${csvText(e.ethnicity)},${num(e.officerMinutes)},${num(e.clinicianMinutes)}`
    );
  }
}

/** The whole demo CSV (header and rows) as one string: for tests and small counts. */
export function demoEncountersCsv(options: GenerateEncountersOptions): string {
  const formatter = new EncounterCsvFormatter();
  const lines = [formatter.header()];
  for (const encounter of generateEncounters(options)) {
    lines.push(formatter.fileLine(encounter));
  }
  return lines.join('');
}
