import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadImportProfile, runImport } from '@crosswalk/import-engine';

import { importScratch } from '../../support/import-scratch';

// Areas are made from the rows' codes as they are first seen; an area is
// its level and its code, so beat 5 and district 5 are two areas. A beat
// first seen without its sector (an empty or unknown cell) takes the sector
// a later row gives, in the same file or a later one; a beat that has a
// sector keeps it; and no area becomes its own ancestor, even when two
// profiles nest the same levels the other way round.

const profile = (source: string, area: string) => `
title: Area parents test
agency: { code: area-parents-test, name: Area parents test, timeZone: America/Chicago }
sourceSystem: ${source}
recordId: { columns: [id] }
fields:
  occurred_at: { column: occurred }
  area:
${area}
`;

const BEATS = profile(
  'area-parents-cad',
  `    column: beat
    unknown: ['-']
    parents:
      - { column: sector, level: sector }
      - { column: district, level: district }`,
);

describe('area parents', () => {
  const scratch = importScratch('area-parents');
  let files = 0;

  const importRows = async (rows: string[], profileText = BEATS) => {
    const dir = scratch.dir;
    writeFileSync(join(dir, 'areas.yaml'), profileText);
    const file = join(dir, `areas-${++files}.csv`);
    writeFileSync(
      file,
      ['id,occurred,beat,sector,district', ...rows].join('\n'),
    );
    return runImport(scratch.dataSource, {
      profile: loadImportProfile(join(dir, 'areas.yaml'), dir),
      file,
    });
  };

  /** Each area as "level code", with its parent's (null for none). */
  const tree = async (): Promise<Record<string, string | null>> =>
    Object.fromEntries(
      (
        await scratch.dataSource.query(
          `SELECT a.level || ' ' || a.code AS area, p.level || ' ' || p.code AS parent FROM areas a
             JOIN agencies ag ON ag.id = a.agency_id AND ag.code = 'area-parents-test'
             LEFT JOIN areas p ON p.agency_id = a.agency_id AND p.id = a.parent_id
            ORDER BY 1`,
        )
      ).map((r: { area: string; parent: string | null }) => [r.area, r.parent]),
    );

  it('fills in a parent a later row gives, never moves one, and makes no cycles', async () => {
    expect(
      await importRows([
        // B1 first without a sector, then with one in the same file.
        'r1,2024-01-01T10:00:00,B1,,',
        'r2,2024-01-01T11:00:00,B1,S1,D1',
        // B2 with an unknown sector; S2 first without a district.
        'r3,2024-01-01T12:00:00,B2,-,D1',
        'r4,2024-01-01T13:00:00,B3,S2,',
        // Beat 5 of sector 5 of district 5: three areas.
        'r5,2024-01-01T14:00:00,5,5,5',
      ]),
    ).toMatchObject({ inserted: 5, rejected: 0 });
    expect(await tree()).toEqual({
      'beat 5': 'sector 5',
      'beat B1': 'sector S1',
      'beat B2': null,
      'beat B3': 'sector S2',
      'district 5': null,
      'district D1': null,
      'sector 5': 'district 5',
      'sector S1': 'district D1',
      'sector S2': null,
    });

    // A later file fills in what is still missing and moves nothing: B1
    // stays in S1 although this row puts it in S9.
    await importRows([
      'r6,2024-02-01T10:00:00,B2,S1,D1',
      'r7,2024-02-01T11:00:00,B3,S2,D2',
      'r8,2024-02-01T12:00:00,B1,S9,D2',
    ]);
    // Another source nests the levels the other way round: D1, which holds
    // S1, cannot become a part of S1.
    await importRows(
      ['r9,2024-02-01T13:00:00,,S1,D1'],
      profile(
        'area-parents-program',
        `    column: district
    level: district
    parents:
      - { column: sector, level: sector }`,
      ),
    );
    expect(await tree()).toEqual({
      'beat 5': 'sector 5',
      'beat B1': 'sector S1',
      'beat B2': 'sector S1',
      'beat B3': 'sector S2',
      'district 5': null,
      'district D1': null,
      'district D2': null,
      'sector 5': 'district 5',
      'sector S1': 'district D1',
      'sector S2': 'district D2',
      'sector S9': 'district D2',
    });
  });
});
