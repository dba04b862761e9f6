import { createTestApp, type TestApp } from '../../test-app';

const COUNT =
  'query ($filter: EncounterFilterInput) { encounterCount(filter: $filter) }';

describe('encounterCount', () => {
  let api: TestApp;
  let agency: string;
  let other: string;
  const area: Record<string, string> = {};
  let program: string;
  let admin: string;

  const count = async (filter: Record<string, unknown>, cookie = admin) => {
    const result = await api.graphql<{ encounterCount: number }>(
      COUNT,
      { filter: { agencyId: agency, ...filter } },
      cookie,
    );
    if (result.errors) throw new Error(result.errors[0].message);
    return result.data?.encounterCount;
  };

  beforeAll(async () => {
    api = await createTestApp();
    const q = (sql: string, params: unknown[] = []) =>
      api.dataSource.query(sql, params);
    [{ id: agency }] = await q(
      "INSERT INTO agencies (code, name, time_zone) VALUES ('count-test', 'Count Test PD', 'America/Denver') RETURNING id",
    );
    [{ id: other }] = await q(
      "INSERT INTO agencies (code, name, time_zone) VALUES ('count-other', 'Other PD', 'UTC') RETURNING id",
    );
    for (const [code, level, parent] of [
      ['D1', 'district', null],
      ['D2', 'district', null],
      ['B1', 'beat', 'D1'],
      ['B2', 'beat', 'D1'],
      ['B3', 'beat', 'D2'],
    ] as const) {
      [{ id: area[code] }] = await q(
        'INSERT INTO areas (agency_id, code, name, level, parent_id) VALUES ($1, $2, $2, $3, $4) RETURNING id',
        [agency, code, level, parent ? area[parent] : null],
      );
    }
    [{ id: program }] = await q(
      "INSERT INTO programs (agency_id, name, model, start_date) VALUES ($1, 'Co-responders', 'co_responder', '2024-01-01') RETURNING id",
      [agency],
    );
    await q(
      'INSERT INTO program_areas (agency_id, program_id, area_id) VALUES ($1, $2, $3)',
      [agency, program, area['B1']],
    );
    // 2 in B1 (one before, one after the start), 1 in B2, 1 in B3, 1 with unknown area, 1 in the other agency.
    const rows = [
      [agency, 'e1', '2023-12-31T23:30:00-07:00', area['B1'], 'police_only'],
      [agency, 'e2', '2024-01-15T10:00:00-07:00', area['B1'], 'co_responder'],
      [agency, 'e3', '2024-02-01T10:00:00-07:00', area['B2'], 'cit_officer'],
      [agency, 'e4', '2024-03-01T10:00:00-07:00', area['B3'], 'police_only'],
      [agency, 'e5', '2024-03-02T10:00:00-07:00', null, null],
      [other, 'x1', '2024-03-02T10:00:00Z', null, 'police_only'],
    ];
    for (const [agencyId, id, at, areaId, model] of rows) {
      await q(
        `INSERT INTO encounters (agency_id, source_system, source_record_id, occurred_at, time_precision, area_id, response_model)
         VALUES ($1, 'test', $2, $3, 'minute', $4, $5)`,
        [agencyId, id, at, areaId, model],
      );
    }
    admin = (await api.signIn('admin')).cookie;
  });
  afterAll(() => api.close());

  it('counts everything of the agency without other filters', async () => {
    expect(await count({})).toBe(5);
  });

  it('filters by time range, half-open [from, to)', async () => {
    expect(await count({ from: '2024-01-01T07:00:00Z' })).toBe(4);
    expect(
      await count({ from: '2024-01-01T07:00:00Z', to: '2024-03-01T17:00:00Z' }),
    ).toBe(2);
  });

  it('filters by area including the beats below a district', async () => {
    expect(await count({ areaIds: [area['B1']] })).toBe(2);
    expect(await count({ areaIds: [area['D1']] })).toBe(3);
    expect(await count({ areaIds: [area['D2'], area['B2']] })).toBe(2);
  });

  it('filters by program (its areas) and by response model', async () => {
    expect(await count({ programId: program })).toBe(2);
    expect(
      await count({ programId: program, from: '2024-01-01T07:00:00Z' }),
    ).toBe(1);
    expect(await count({ responseModels: ['police_only'] })).toBe(2);
    expect(
      await count({ responseModels: ['co_responder', 'cit_officer'] }),
    ).toBe(2);
  });

  it('limits a user bound to an agency to that agency', async () => {
    const { cookie } = await api.signIn('viewer', other);
    const result = await api.graphql<{ encounterCount: number }>(
      COUNT,
      {},
      cookie,
    );
    expect(result.data?.encounterCount).toBe(1);
    const agencies = await api.graphql<{ agencies: { code: string }[] }>(
      '{ agencies { code } }',
      {},
      cookie,
    );
    expect(agencies.data?.agencies).toEqual([{ code: 'count-other' }]);
  });

  it('lists areas and programs with the served areas', async () => {
    const result = await api.graphql<{
      areas: { code: string; parentId: string | null }[];
      programs: { name: string; areaIds: string[]; startDate: string }[];
    }>(
      'query ($a: ID) { areas(agencyId: $a) { code parentId } programs(agencyId: $a) { name startDate areaIds } }',
      { a: agency },
      admin,
    );
    expect(result.data?.areas.map((a) => a.code).sort()).toEqual([
      'B1',
      'B2',
      'B3',
      'D1',
      'D2',
    ]);
    expect(result.data?.programs).toEqual([
      { name: 'Co-responders', startDate: '2024-01-01', areaIds: [area['B1']] },
    ]);
  });

  it('answers bad input with a clear error', async () => {
    await expect(
      count({ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }),
    ).rejects.toThrow('"from" must be before "to".');
    await expect(count({ areaIds: ['not-an-id'] })).rejects.toThrow(
      'areaIds[0] is not a valid id: "not-an-id"',
    );
  });
});
