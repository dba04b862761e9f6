import { AREA_LEVELS, TIME_PRECISIONS } from '@crosswalk/domain';
import { z } from 'zod';

// The shape of an import profile (docs/import-profiles.md is its reference).
// Every object is strict: an unknown key is an error naming the key and line.

// YAML reads 911 or 2023 as numbers; where text is meant, a number is its text.
const numberAsText = (value: unknown) =>
  typeof value === 'number' ? String(value) : value;
const text = z.preprocess(numberAsText, z.string());
const column = z.preprocess(
  numberAsText,
  z.string().min(1, 'must name a column'),
);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** What a YAML double-quoted escape turns into where a regular expression escape was meant. */
const YAML_ESCAPES: Record<string, string> = {
  '\x07': '"\\a" is a bell',
  '\b': '"\\b" is a backspace, not a word boundary',
  '\x1b': '"\\e" is an escape character',
};
const pattern = z.string().superRefine((source, ctx) => {
  const escaped = [...source].find((c) => c in YAML_ESCAPES);
  if (escaped) {
    ctx.addIssue({
      code: 'custom',
      message: `holds a control character: in a double-quoted YAML string ${YAML_ESCAPES[escaped]}; write the pattern in single quotes, as '\\bOD\\b'`,
    });
    return;
  }
  try {
    new RegExp(source, 'i');
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `is not a valid regular expression: ${(error as Error).message}`,
    });
  }
});

/** A regular expression with one capturing group: the part of the cell to read. */
const extract = pattern.superRefine((source, ctx) => {
  let groups = 0;
  try {
    groups = (new RegExp(`${source}|`).exec('') as RegExpExecArray).length - 1;
  } catch {
    return; // `pattern` reports it
  }
  if (groups !== 1)
    ctx.addIssue({
      code: 'custom',
      message: `needs exactly one capturing group (the part of the cell to read), and has ${groups}`,
    });
});

/** The timestamps of the record's chain, in their order. */
export const CHAIN_TIMESTAMPS = [
  'received_at',
  'dispatched_at',
  'arrived_at',
  'cleared_at',
] as const;

/** A date-fns pattern or `iso`; or several, tried in order. */
const dateFormats = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1),
]);

/** What a number in officer_minutes' or clinician_minutes' column counts. */
export const DURATION_UNITS = ['seconds', 'minutes', 'hours'] as const;

/** A column (or constant) whose raw text is mapped to a value of the target field. */
export const valueFieldSchema = z
  .object({
    column: column.optional(),
    extract: extract.optional(),
    /** Minutes from one timestamp of the chain to a later one. */
    between: z
      .tuple([z.enum(CHAIN_TIMESTAMPS), z.enum(CHAIN_TIMESTAMPS)])
      .optional(),
    /** What a number in the minutes fields' column counts. */
    unit: z.enum(DURATION_UNITS).optional(),
    /** age_band: the column is a date of birth in this format. */
    format: dateFormats.optional(),
    constant: scalar.optional(),
    map: z.record(z.string(), scalar).optional(),
    rules: z
      .array(
        z
          .object({ column: column.optional(), match: pattern, value: scalar })
          .strict(),
      )
      .optional(),
    unknown: z.array(text).optional(),
    default: scalar.optional(),
  })
  .strict();

const datePart = z
  .object({ column, format: dateFormats.default('iso') })
  .strict();

/** A timestamp from one column, a date column plus a time column, or year + month (+ day + hour) columns. */
export const timestampFieldSchema = z
  .object({
    column: column.optional(),
    format: dateFormats.optional(),
    date: datePart.optional(),
    time: datePart.optional(),
    year: column.optional(),
    month: column.optional(),
    day: column.optional(),
    hour: column.optional(),
  })
  .strict();

export const areaFieldSchema = z
  .object({
    column,
    extract: extract.optional(),
    level: z.enum(AREA_LEVELS).default('beat'),
    unknown: z.array(text).default([]),
    parents: z
      .array(
        z
          .object({
            column,
            extract: extract.optional(),
            level: z.enum(AREA_LEVELS),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const personKeyFieldSchema = z
  .object({
    columns: z.array(column).min(1),
    unknown: z.array(text).default([]),
  })
  .strict();

/**
 * One referral an encounter's row can give: its fields, each a value field.
 * A row gives the referral when a field read from a column has a value.
 */
export const referralSchema = z
  .object({
    provider: valueFieldSchema.optional(),
    referral_type: valueFieldSchema.optional(),
    connected_within_30d: valueFieldSchema.optional(),
  })
  .strict();

export const fieldsSchema = z
  .object({
    occurred_at: timestampFieldSchema,
    received_at: timestampFieldSchema.optional(),
    dispatched_at: timestampFieldSchema.optional(),
    arrived_at: timestampFieldSchema.optional(),
    cleared_at: timestampFieldSchema.optional(),
    area: areaFieldSchema.optional(),
    latitude: valueFieldSchema.optional(),
    longitude: valueFieldSchema.optional(),
    call_origin: valueFieldSchema.optional(),
    initial_call_type: valueFieldSchema.optional(),
    final_call_type: valueFieldSchema.optional(),
    initial_call_bh: valueFieldSchema.optional(),
    bh_category: valueFieldSchema.optional(),
    response_model: valueFieldSchema.optional(),
    cit_officer_dispatched: valueFieldSchema.optional(),
    cit_officer_arrived: valueFieldSchema.optional(),
    peer_specialist_involved: valueFieldSchema.optional(),
    police_backup_requested: valueFieldSchema.optional(),
    arrest: valueFieldSchema.optional(),
    citation: valueFieldSchema.optional(),
    jail_booking: valueFieldSchema.optional(),
    emergency_detention: valueFieldSchema.optional(),
    ed_transport: valueFieldSchema.optional(),
    voluntary_treatment: valueFieldSchema.optional(),
    referral_made: valueFieldSchema.optional(),
    resolved_on_scene: valueFieldSchema.optional(),
    force_level: valueFieldSchema.optional(),
    subject_injured: valueFieldSchema.optional(),
    officer_injured: valueFieldSchema.optional(),
    person_key: personKeyFieldSchema.optional(),
    age_band: valueFieldSchema.optional(),
    gender: valueFieldSchema.optional(),
    race: valueFieldSchema.optional(),
    ethnicity: valueFieldSchema.optional(),
    officer_minutes: valueFieldSchema.optional(),
    clinician_minutes: valueFieldSchema.optional(),
    /** The referrals (0..n) a row gives, each from its own columns. */
    referrals: z.array(referralSchema).min(1).optional(),
  })
  .strict();

const headerRow = z.number().int().min(1).default(1);

const csvFileSchema = z
  .object({
    format: z.literal('csv'),
    delimiter: z.string().length(1).default(','),
    quote: z.string().length(1).default('"'),
    encoding: z.enum(['utf-8', 'latin1', 'utf-16le']).default('utf-8'),
    headerRow,
  })
  .strict();

const xlsxFileSchema = z
  .object({
    format: z.literal('xlsx'),
    /** Worksheet name, or its position from 1; the first sheet by default. */
    sheet: z.union([z.string().min(1), z.number().int().min(1)]).default(1),
    headerRow,
  })
  .strict();

/** A condition on one cell: `filter` keeps rows, `exclude` leaves them out. */
const rowCondition = z
  .object({
    column,
    matches: z.array(pattern).optional(),
    equals: z.array(text).optional(),
  })
  .strict();

export const importProfileSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    agency: z
      .object({
        code: z
          .string()
          .regex(
            /^[a-z0-9][a-z0-9-]*$/,
            'must be lower-case letters, digits and dashes',
          ),
        name: z.string().min(1),
        timeZone: z.string().min(1),
      })
      .strict(),
    sourceSystem: z.string().min(1),
    timeZone: z.string().min(1).optional(),
    timePrecision: z.enum(TIME_PRECISIONS).default('minute'),
    file: z
      .preprocess(
        (file) =>
          file && typeof file === 'object' && !('format' in file)
            ? { ...file, format: 'csv' }
            : file,
        z.discriminatedUnion('format', [csvFileSchema, xlsxFileSchema]),
      )
      .default({}),
    recordId: z
      .object({
        columns: z.array(column).min(1),
        separator: z.string().default('|'),
      })
      .strict(),
    filter: z.array(rowCondition).optional(),
    exclude: z.array(rowCondition).optional(),
    /** Columns blanked, like the person_key columns, in the raw line a rejected row keeps. */
    redact: z.array(column).optional(),
    fields: fieldsSchema,
  })
  .strict();

export type ImportProfile = z.infer<typeof importProfileSchema>;
export type CsvFile = z.infer<typeof csvFileSchema>;
export type XlsxFile = z.infer<typeof xlsxFileSchema>;
export type ValueField = z.infer<typeof valueFieldSchema>;
export type ChainTimestamp = (typeof CHAIN_TIMESTAMPS)[number];
export type TimestampField = z.infer<typeof timestampFieldSchema>;
export type AreaField = z.infer<typeof areaFieldSchema>;
export type EncounterFieldName = keyof ImportProfile['fields'];
