import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { workspaceRoot } from '@crosswalk/api/database';
import {
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';
import {
  DEMO_AGENCY,
  demoEncountersCsv,
  generateEncounters,
  seedDemoData,
} from '@crosswalk/seeds';

import { importScratch } from '../../support/import-scratch';

// The demo city's encounters have referrals, so the demo's connected-to-care
// rate has data: the seeder writes the generator's referrals, and the demo
// CSV brings the same ones in through the crosswalk-demo profile.

const OPTIONS = { encounters: 4_000, seed: 5 };
const IMPORTED_AGENCY = 'demo-referrals-import';

interface Referral {
  record: string;
  provider: string;
  type: string;
  connected: boolean | null;
}

const expected = (): Referral[] =>
  [...generateEncounters(OPTIONS)]
    .flatMap((e) =>
      e.referrals.map((r) => ({
        record: e.sourceRecordId,
        provider: r.provider,
        type: r.referralType,
        connected: r.connectedWithin30d,
      })),
    )
    .sort(byReferral);

function byReferral(a: Referral, b: Referral): number {
  return (
    a.record.localeCompare(b.record) || a.provider.localeCompare(b.provider)
  );
}

describe('the demo referrals', () => {
  const scratch = importScratch('demo-referrals');

  const stored = async (agencyCode: string): Promise<Referral[]> =>
    (
      (await scratch.dataSource.query(
        `SELECT e.source_record_id AS record, r.provider, r.referral_type AS type, r.connected_within_30d AS connected
           FROM referrals r
           JOIN encounters e ON e.agency_id = r.agency_id AND e.id = r.encounter_id
           JOIN agencies a ON a.id = r.agency_id
          WHERE a.code = $1`,
        [agencyCode],
      )) as Referral[]
    ).sort(byReferral);

  it('are seeded with their encounters, exactly as generated', async () => {
    const want = expected();
    expect(want.length).toBeGreaterThan(800);
    expect(want.filter((r) => r.connected === null).length).toBeGreaterThan(0);
    await seedDemoData(scratch.dataSource, OPTIONS);
    expect(await stored(DEMO_AGENCY.code)).toEqual(want);
  });

  it('are imported from the demo CSV with the crosswalk-demo profile, and not twice on importing again', async () => {
    const file = join(scratch.dir, 'demo.csv');
    writeFileSync(file, demoEncountersCsv(OPTIONS));
    const loaded = loadImportProfile(
      'crosswalk-demo',
      shippedProfilesDir(workspaceRoot()),
    );
    const profile = {
      ...loaded,
      profile: {
        ...loaded.profile,
        agency: { ...loaded.profile.agency, code: IMPORTED_AGENCY },
      },
    };
    const run = () =>
      runImport(scratch.dataSource, {
        profile,
        file,
        personKeySecret: 'demo-referrals-secret',
      });
    expect(await run()).toMatchObject({
      inserted: OPTIONS.encounters,
      rejected: 0,
    });
    expect(await stored(IMPORTED_AGENCY)).toEqual(expected());
    expect(await run()).toMatchObject({ unchanged: OPTIONS.encounters });
    expect(await stored(IMPORTED_AGENCY)).toEqual(expected());
  });
});
