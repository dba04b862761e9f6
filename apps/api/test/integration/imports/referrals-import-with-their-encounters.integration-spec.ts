import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadImportProfile, runImport } from '@crosswalk/import-engine';

import { importScratch } from '../../support/import-scratch';

// A program export that lists up to two referrals per call: each encounter's
// referrals are imported with it, in its transaction; importing again adds
// none twice, and a row whose referrals changed is updated with them
// replaced. (No dataset in ../shared/datasets has referral columns; this
// export is written here in the shape of a mobile crisis team's.)

const PROFILE = `title: Riverton mobile crisis referrals
agency: { code: referrals-test, name: Riverton, timeZone: America/Chicago }
sourceSystem: mct
recordId: { columns: [Call ID] }
fields:
  occurred_at: { column: Call Time, format: 'M/d/yyyy H:mm' }
  area: { column: Zone }
  response_model: { constant: mobile_crisis }
  referral_made: { column: Referred, map: { Y: true, N: false } }
  referrals:
    - provider: { column: Referred To }
      referral_type:
        column: Referred To
        rules: [{ match: detox, value: substance_use }]
        default: outpatient
      connected_within_30d: { column: Engaged 30d, unknown: [Pending] }
    - provider: { column: Referral 2 }
      referral_type: { constant: peer_support }
`;

// A row in an area not seen before waits for the area to be made (it is
// staged later, as its batch is written): C1, C2 and C4 do, C3 does not.
const HEADER =
  'Call ID,Call Time,Zone,Referred,Referred To,Engaged 30d,Referral 2';
const ROWS = [
  'C1,3/2/2024 14:05,Z1,Y,Harbor Clinic,Y,Peer Line',
  'C2,3/4/2024 9:30,Z2,Y,Eastside Detox,Pending,',
  'C3,3/9/2024 22:10,Z2,N,,,',
  'C4,3/12/2024 1:45,Z4,Y,Harbor Clinic,maybe,',
];

const referral = (
  call: string,
  provider: string,
  type: string,
  connected: boolean | null,
) => ({ call, provider, type, connected });

describe('referrals', () => {
  const scratch = importScratch('referrals');

  const run = (lines: string[], batchSize?: number) => {
    const file = join(scratch.dir, 'mct.csv');
    writeFileSync(file, [HEADER, ...lines].join('\n'));
    writeFileSync(join(scratch.dir, 'mct.yaml'), PROFILE);
    return runImport(scratch.dataSource, {
      profile: loadImportProfile(join(scratch.dir, 'mct.yaml'), scratch.dir),
      file,
      batchSize,
    });
  };
  const referrals = () =>
    scratch.dataSource.query(
      `SELECT e.source_record_id AS call, r.provider, r.referral_type AS type, r.connected_within_30d AS connected
         FROM referrals r JOIN encounters e ON e.agency_id = r.agency_id AND e.id = r.encounter_id
        WHERE e.agency_id = (SELECT id FROM agencies WHERE code = 'referrals-test')
        ORDER BY r.id`,
    );

  it('imports the referrals of each row with its encounter, and none twice on importing again', async () => {
    // Two rows per transaction: the referrals of each are written with it.
    expect(await run(ROWS, 2)).toMatchObject({
      rowsRead: 4,
      inserted: 3,
      rejected: 1,
      rejectsByReason: { invalid_boolean: 1 },
    });
    const imported = [
      referral('C1', 'Harbor Clinic', 'outpatient', true),
      referral('C1', 'Peer Line', 'peer_support', null),
      referral('C2', 'Eastside Detox', 'substance_use', null),
    ];
    expect(await referrals()).toEqual(imported);

    expect(await run(ROWS)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
      rejected: 1,
    });
    expect(await referrals()).toEqual(imported);
  });

  it('updates a row whose referrals changed and replaces its referrals', async () => {
    const edited = [
      ROWS[0],
      // The 30 days are over: the person did not connect.
      'C2,3/4/2024 9:30,Z2,Y,Eastside Detox,N,',
      // A referral was made after all.
      'C3,3/9/2024 22:10,Z2,Y,,,Peer Line',
      'C4,3/12/2024 1:45,Z4,Y,Harbor Clinic,Y,',
    ];
    expect(await run(edited)).toMatchObject({
      inserted: 1,
      updated: 2,
      unchanged: 1,
      rejected: 0,
    });
    expect(
      (await referrals()).sort((a: { call: string }, b: { call: string }) =>
        a.call.localeCompare(b.call),
      ),
    ).toEqual([
      referral('C1', 'Harbor Clinic', 'outpatient', true),
      referral('C1', 'Peer Line', 'peer_support', null),
      referral('C2', 'Eastside Detox', 'substance_use', false),
      referral('C3', 'Peer Line', 'peer_support', null),
      referral('C4', 'Harbor Clinic', 'outpatient', true),
    ]);
  });
});
