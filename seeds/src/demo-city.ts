import type { ProgramModel } from '@crosswalk/domain';

// Prairie Falls is fictional: its beats are rectangles on a grid in open
// country, and every figure below is invented for demonstrations and tests.

export const DEMO_AGENCY = {
  code: 'demo',
  name: 'Prairie Falls Police Department (demo data)',
  timeZone: 'America/Chicago',
} as const;

/** The 36 months the demo covers, as local dates in DEMO_AGENCY.timeZone (inclusive). */
export const DEMO_WINDOW = {
  firstDay: '2023-01-01',
  lastDay: '2025-12-31',
} as const;

export const DEMO_SOURCE_SYSTEM = 'crosswalk-demo';

/**
 * The published secret of the demo person keys. Real deployments keep theirs
 * out of the code (DOMAIN.md section 6); this one only hashes invented ids.
 */
export const DEMO_PERSON_KEY_SECRET = 'crosswalk-demo-person-key-secret';

export interface DemoDistrict {
  code: string;
  name: string;
}

export interface DemoBeat {
  code: string;
  name: string;
  districtCode: string;
  /** Relative encounter volume (beats differ visibly on a map). */
  volumeWeight: number;
  population: number;
  /**
   * Relative level of the outcome rates (arrest, force, ...). The generator
   * rescales these within program and comparison beats separately, so each
   * group's volume-weighted baseline equals DEMO_BASELINE_RATES exactly.
   */
  outcomeFactor: number;
  /** Grid cell: column from the west, row from the north. */
  column: number;
  row: number;
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { code: 'N', name: 'North District' },
  { code: 'C', name: 'Central District' },
  { code: 'S', name: 'South District' },
];

type BeatFigures = [
  volumeWeight: number,
  population: number,
  outcomeFactor: number,
];

const BEAT_FIGURES: Record<string, BeatFigures[]> = {
  N: [
    [0.6, 9_800, 0.9],
    [0.9, 12_400, 1.0],
    [1.4, 14_100, 1.1],
    [0.8, 10_300, 0.95],
    [0.4, 7_200, 0.85],
  ],
  C: [
    [1.6, 15_200, 1.0],
    [2.4, 18_900, 1.1],
    [3.2, 16_400, 1.2],
    [2.0, 17_100, 0.95],
    [1.1, 11_800, 0.9],
  ],
  S: [
    [0.7, 11_300, 0.9],
    [1.5, 15_800, 1.05],
    [2.1, 19_200, 1.15],
    [1.2, 13_600, 1.0],
    [0.5, 8_400, 0.85],
  ],
};

const BEAT_NAMES: Record<string, string[]> = {
  N: ['Cedar Hill', 'Northgate', 'Mill Creek', 'Orchard Park', 'Quarry Road'],
  C: [
    'Riverside',
    'Old Town',
    'Depot Square',
    'Market Street',
    'College Heights',
  ],
  S: [
    'Southfield',
    'Rail Yards',
    'Lincoln Flats',
    'Meadowbrook',
    'Prairie View',
  ],
};

export const DEMO_BEATS: readonly DemoBeat[] = DEMO_DISTRICTS.flatMap(
  (district, row) =>
    BEAT_FIGURES[district.code].map(
      ([volumeWeight, population, outcomeFactor], column) => ({
        code: `${district.code}${column + 1}`,
        name: BEAT_NAMES[district.code][column],
        districtCode: district.code,
        volumeWeight,
        population,
        outcomeFactor,
        column,
        row,
      }),
    ),
);

export interface DemoProgram {
  name: string;
  model: ProgramModel;
  /** Local date the program began serving its beats: month 13 of the window. */
  startDate: string;
  description: string;
  beatCodes: readonly string[];
}

/** One program; the beats it does not serve are the comparison beats. */
export const DEMO_PROGRAM: DemoProgram = {
  name: 'Central Co-Responder Team',
  model: 'co_responder',
  startDate: '2024-01-01',
  description:
    'Officer and clinician pairs answering behavioral-health calls in the ' +
    'Central District (fictional demo program).',
  beatCodes: ['C1', 'C2', 'C3', 'C4', 'C5'],
};

export function isProgramBeat(code: string): boolean {
  return DEMO_PROGRAM.beatCodes.includes(code);
}

// The grid: beats are cells of GRID_STEP degrees, west to east and north to
// south from GRID_ORIGIN (its north-west corner).
const GRID_ORIGIN = { longitude: -97.62, latitude: 40.74 };
const GRID_STEP = { longitude: 0.03, latitude: 0.022 };

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface BoundingBox {
  west: number;
  east: number;
  south: number;
  north: number;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function cellsBox(
  columns: [number, number],
  rows: [number, number],
): BoundingBox {
  return {
    west: round(GRID_ORIGIN.longitude + columns[0] * GRID_STEP.longitude),
    east: round(GRID_ORIGIN.longitude + (columns[1] + 1) * GRID_STEP.longitude),
    north: round(GRID_ORIGIN.latitude - rows[0] * GRID_STEP.latitude),
    south: round(GRID_ORIGIN.latitude - (rows[1] + 1) * GRID_STEP.latitude),
  };
}

export function beatBox(beat: DemoBeat): BoundingBox {
  return cellsBox([beat.column, beat.column], [beat.row, beat.row]);
}

export function districtBox(code: string): BoundingBox {
  const beats = DEMO_BEATS.filter((beat) => beat.districtCode === code);
  const columns = beats.map((beat) => beat.column);
  const rows = beats.map((beat) => beat.row);
  return cellsBox(
    [Math.min(...columns), Math.max(...columns)],
    [Math.min(...rows), Math.max(...rows)],
  );
}

/** A closed, counter-clockwise ring (RFC 7946 right-hand rule). */
export function boxPolygon(box: BoundingBox): GeoJsonPolygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [box.west, box.south],
        [box.east, box.south],
        [box.east, box.north],
        [box.west, box.north],
        [box.west, box.south],
      ],
    ],
  };
}

export interface DemoUnitCost {
  key: string;
  label: string;
  unit: string;
  value: number;
  low: number;
  high: number;
  source: string;
}

const DEMO_RANGE =
  'Low/high: default -/+25%, a demo sensitivity range chosen by Crosswalk, not from the source.';

/** Unit-cost defaults of DOMAIN.md section 5, each with its source and range. */
export const DEMO_UNIT_COSTS: readonly DemoUnitCost[] = [
  {
    key: 'jail_bed_day',
    label: 'Jail bed-day',
    unit: 'USD per person-day',
    value: 76,
    low: 57,
    high: 128.92,
    source:
      'Pima County (AZ) jail cost of $76 per day. Low: default -25% (demo ' +
      'assumption). High: Vera Institute "The Price of Jails", $47,057 per ' +
      'person-year across 35 jails / 365 days = $128.92.',
  },
  {
    key: 'police_response',
    label: 'Police response to a low-level offense',
    unit: 'USD per offense',
    value: 646,
    low: 484.5,
    high: 807.5,
    source: `Dee & Pyne 2022 (Science Advances), Denver STAR evaluation: $646 per offense handled by police. ${DEMO_RANGE}`,
  },
  {
    key: 'civilian_response',
    label: 'Civilian (STAR) response to a low-level offense',
    unit: 'USD per offense',
    value: 151,
    low: 113.25,
    high: 188.75,
    source: `Dee & Pyne 2022 (Science Advances), Denver STAR evaluation: $151 per offense handled by STAR. ${DEMO_RANGE}`,
  },
  {
    key: 'ed_boarding',
    label: 'Psychiatric emergency-department boarding',
    unit: 'USD per patient',
    value: 2264,
    low: 1698,
    high: 2830,
    source: `Peer-reviewed study cited by Array Behavioral Care: $2,264 per psychiatric patient boarded in the ED. ${DEMO_RANGE}`,
  },
  {
    key: 'police_time_per_averted_ed_referral',
    label: 'Police time per averted involuntary ED referral',
    unit: 'USD per averted referral',
    value: 81,
    low: 60.75,
    high: 101.25,
    source: `Frontiers in Psychiatry 2021 (Ontario): about $81 of police time per averted involuntary ED referral. ${DEMO_RANGE}`,
  },
];
