import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { parse } from 'csv-parse/sync';

import {
  compileRowMapper,
  type MappedEncounter,
  VALUE_FIELDS,
} from './mapping/compile-row-mapper';
import type { CsvFile } from './profile/import-profile.schema';
import { loadImportProfile } from './profile/load-import-profile';

// The worked example of docs/import-profiles.md (section 12) does what the
// page says: its profile loads, and its file maps to the outcomes printed.

const DOCS = readFileSync(
  resolve(__dirname, '../../../docs/import-profiles.md'),
  'utf8',
);

/** The fenced block right after an `<!-- worked-example:NAME -->` marker. */
function block(name: string): string {
  const match = new RegExp(
    `<!-- worked-example:${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``,
  ).exec(DOCS);
  if (!match) throw new Error(`no worked-example:${name} block in the docs`);
  return match[1];
}

describe('the worked example of docs/import-profiles.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'riverton-mct.yaml'), block('profile'));
  const { name, profile } = loadImportProfile(
    join(dir, 'riverton-mct.yaml'),
    dir,
  );
  const [header, ...rows]: string[][] = parse(block('csv'), {
    delimiter: (profile.file as CsvFile).delimiter,
  });
  const map = compileRowMapper(profile, header, 'example-secret', () =>
    Date.parse('2024-06-01T00:00:00Z'),
  );
  const mapped = rows.map((row) => map(row));
  const encounters = mapped.filter(
    (m): m is MappedEncounter => m.kind === 'encounter',
  );
  const field = (e: MappedEncounter, f: (typeof VALUE_FIELDS)[number]) =>
    e.values[VALUE_FIELDS.indexOf(f)];

  it('loads as riverton-mct and reads 6 rows: 4 encounters, 1 rejected, 1 filtered', () => {
    expect(name).toBe('riverton-mct');
    expect(rows).toHaveLength(6);
    expect(mapped.map((m) => m.kind)).toEqual([
      'encounter',
      'encounter',
      'filtered',
      'reject',
      'encounter',
      'encounter',
    ]);
    expect(mapped[3]).toEqual({
      kind: 'reject',
      column: 'Call Date',
      reason: 'invalid_date',
      detail:
        '"02/30/2024" in "Call Date" does not match the date format MM/dd/yyyy',
    });
  });

  it('gives the encounters the page describes', () => {
    expect(
      encounters.map((e) => ({
        id: e.recordId,
        bh: field(e, 'bh_category'),
        origin: field(e, 'call_origin'),
        area: e.areaPath?.map((a) => `${a.level} ${a.code}`) ?? null,
        hold: field(e, 'emergency_detention'),
        ed: field(e, 'ed_transport'),
        resolved: field(e, 'resolved_on_scene'),
        arrest: field(e, 'arrest'),
        referral: field(e, 'referral_made'),
        model: field(e, 'response_model'),
      })),
    ).toEqual([
      {
        id: '24-000101/MCT1',
        bh: 'mental_health',
        origin: '911',
        area: ['beat Z4', 'district NORTH'],
        hold: false,
        ed: false,
        resolved: true,
        arrest: false,
        referral: false,
        model: 'mobile_crisis',
      },
      {
        id: '24-000102/MCT2',
        bh: 'suicide',
        origin: '988',
        area: ['beat Z7', 'district SOUTH'],
        hold: true,
        ed: true,
        resolved: false,
        arrest: false,
        referral: false,
        model: 'mobile_crisis',
      },
      {
        id: '24-000105/MCT2',
        bh: 'welfare_check',
        origin: 'officer_initiated',
        area: null,
        hold: false,
        ed: false,
        resolved: false,
        arrest: false,
        referral: true,
        model: 'mobile_crisis',
      },
      {
        id: '24-000106/MCT1',
        bh: 'substance_use',
        origin: '911',
        area: ['beat Z7', 'district SOUTH'],
        hold: false,
        ed: false,
        resolved: false,
        arrest: true,
        referral: false,
        model: 'mobile_crisis',
      },
    ]);
  });

  it('reads the skipped 02:30 as 03:30 CDT and reads the same person twice alike', () => {
    expect(new Date(field(encounters[1], 'occurred_at') as number)).toEqual(
      new Date('2024-03-10T08:30:00Z'),
    );
    expect(encounters[0].person).not.toBeNull();
    expect(encounters[2].person).toBe(encounters[0].person);
    expect(encounters[1].person).not.toBe(encounters[0].person);
  });
});
