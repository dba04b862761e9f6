import { openDataSource } from '@crosswalk/api/database';
import { DEMO_AGENCY, isDatabaseEmpty, seedDemoData } from '@crosswalk/seeds';
import type { DataSource } from 'typeorm';

describe('the demo data generator', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDataSource(
      process.env['CROSSWALK_TEST_DATABASE_URL'] as string,
    );
  });
  afterAll(() => dataSource.destroy());

  it('loads the city and the requested number of encounters, and replaces them when run again', async () => {
    const result = await seedDemoData(dataSource, {
      encounters: 3_000,
      seed: 3,
    });
    expect(await isDatabaseEmpty(dataSource)).toBe(false);
    const count = async () =>
      (
        await dataSource.query(
          'SELECT count(*)::int AS n FROM encounters WHERE agency_id = $1',
          [result.agencyId],
        )
      )[0].n;
    expect(await count()).toBe(3_000);

    const [levels] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE level = 'beat')::int AS beats, count(*) FILTER (WHERE level = 'district')::int AS districts,
              count(*) FILTER (WHERE level = 'beat' AND geojson IS NOT NULL AND parent_id IS NOT NULL)::int AS mapped
         FROM areas WHERE agency_id = $1`,
      [result.agencyId],
    );
    expect(levels.beats).toBeGreaterThanOrEqual(12);
    expect(levels.districts).toBe(3);
    expect(levels.mapped).toBe(levels.beats);
    const [program] = await dataSource.query(
      'SELECT p.start_date::text AS start, count(pa.area_id)::int AS served FROM programs p JOIN program_areas pa ON pa.program_id = p.id WHERE p.agency_id = $1 GROUP BY p.start_date',
      [result.agencyId],
    );
    expect(program.start).toBe('2024-01-01');
    expect(program.served).toBeGreaterThan(0);
    expect(program.served).toBeLessThan(levels.beats);

    const again = await seedDemoData(dataSource, {
      encounters: 1_000,
      seed: 3,
    });
    expect(again.agencyId).toBe(result.agencyId);
    expect(await count()).toBe(1_000);
    const [{ agencies }] = await dataSource.query(
      'SELECT count(*)::int AS agencies FROM agencies WHERE code = $1',
      [DEMO_AGENCY.code],
    );
    expect(agencies).toBe(1);
  });
});
