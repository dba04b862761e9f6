/** Plain-language names of the values the API groups by. */
const VALUE_LABELS: Record<string, string> = {
  // response_model
  police_only: 'Police only',
  cit_officer: 'CIT officer',
  co_responder: 'Co-responder team',
  mobile_crisis: 'Mobile crisis team',
  civilian_alternative: 'Civilian alternative',
  // call_origin
  '911': '911 call',
  '988': '988 call',
  officer_initiated: 'Officer-initiated',
  referral: 'Referral',
  // bh_category
  mental_health: 'Mental health',
  suicide: 'Suicide',
  substance_use: 'Substance use',
  welfare_check: 'Welfare check',
  // program_area
  'program areas': 'Program areas',
  'comparison areas': 'Comparison areas',
  // shared
  other: 'Other',
  unknown: 'Unknown',
  true: 'Yes',
  false: 'No',
  all: 'All',
};

/** "co_responder" -> "Co-responder team"; unknown values are tidied. */
export function dimensionValueLabel(value: string): string {
  const known = VALUE_LABELS[value];
  if (known) return known;
  const words = value.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const DIMENSION_LABELS: Record<string, string> = {
  area: 'Area',
  district: 'District',
  program_area: 'Program vs comparison areas',
  response_model: 'Response model',
  call_origin: 'Call origin',
  bh_category: 'Behavioral-health category',
  peer_specialist_involved: 'Peer specialist involved',
  age_band: 'Age band',
  gender: 'Gender',
  race: 'Race',
  ethnicity: 'Ethnicity',
};

const LAST = new Set(['unknown', 'other']);

/**
 * Groups in reading order: age bands by age, then alphabetically, with
 * "other" and "unknown" last.
 */
export function compareGroups(a: string, b: string): number {
  const lastA = LAST.has(a) ? 1 : 0;
  const lastB = LAST.has(b) ? 1 : 0;
  if (lastA !== lastB) return lastA - lastB;
  const ageA = ageStart(a);
  const ageB = ageStart(b);
  if (ageA !== null && ageB !== null) return ageA - ageB;
  return a.localeCompare(b, 'en', { numeric: true });
}

function ageStart(group: string): number | null {
  if (group.startsWith('<')) return -1;
  const match = /^(\d+)(?:-\d+|\+)$/.exec(group);
  return match ? Number(match[1]) : null;
}
