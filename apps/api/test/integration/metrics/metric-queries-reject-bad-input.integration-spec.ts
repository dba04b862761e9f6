import { createTestApp, type TestApp } from '../../test-app';
import {
  BREAKDOWN,
  COMPARISON,
  createAgency,
  EVALUATION,
  HOUR_OF_WEEK,
  insertEncounters,
  type MetricPoint,
  SERIES,
  type TestAgency,
} from './metrics.helpers';

// Metric queries refuse what they cannot answer with a message that says
// why, and only admins change unit costs; every role reads metrics.

const FROM = '2024-01-01T07:00:00.000Z';
const TO = '2025-01-01T07:00:00.000Z';

const UPDATE_UNIT_COST = `mutation ($input: UnitCostInput!) {
  updateUnitCost(input: $input) { agencyId key value low high source } }`;

describe('metric queries reject bad input', () => {
  let api: TestApp;
  let agency: TestAgency;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    api = await createTestApp();
    agency = await createAgency(
      api.dataSource,
      'metrics-bad-input',
      'America/Denver',
    );
    await insertEncounters(api.dataSource, agency.id, [
      {
        source_record_id: 'B1',
        occurred_at: '2024-05-01T10:00:00-06:00',
        area_id: agency.area.B1,
        arrest: true,
        response_model: 'police_only',
      },
      {
        source_record_id: 'B2',
        occurred_at: '2024-06-01T10:00:00-06:00',
        area_id: agency.area.B3,
        arrest: false,
        response_model: 'co_responder',
      },
    ]);
    await api.dataSource.query(
      `INSERT INTO unit_costs (agency_id, key, label, unit, value, low, high, source)
       VALUES ($1, 'jail_bed_day', 'Jail bed-day', 'USD per day', 76, 57, 128.92, 'Pima County')`,
      [agency.id],
    );
    admin = (await api.signIn('admin')).cookie;
    viewer = (await api.signIn('viewer', agency.id)).cookie;
  });
  afterAll(() => api.close());

  const series = (input: Record<string, unknown>, cookie = admin) =>
    api.graphql<{ metricSeries: MetricPoint[] }>(
      SERIES,
      {
        input: {
          metric: 'arrest_rate',
          grain: 'month',
          from: FROM,
          to: TO,
          filters: { agencyId: agency.id },
          ...input,
        },
      },
      cookie,
    );
  const refusal = (result: {
    errors?: { message: string; extensions?: { code?: string } }[];
  }) => ({
    code: result.errors?.[0]?.extensions?.code,
    message: result.errors?.[0]?.message,
  });

  it('names the valid metrics when the metric is unknown', async () => {
    const { metrics } = (
      await api.graphql<{ metrics: { id: string }[] }>(
        '{ metrics { id } }',
        {},
        admin,
      )
    ).data as { metrics: { id: string }[] };
    for (const query of [SERIES, BREAKDOWN, HOUR_OF_WEEK]) {
      const result = await api.graphql(
        query,
        {
          input: {
            metric: 'arrests_per_fortnight',
            from: FROM,
            to: TO,
            ...(query === SERIES ? { grain: 'month' } : {}),
            ...(query === BREAKDOWN ? { dimension: 'area' } : {}),
          },
        },
        admin,
      );
      const { code, message } = refusal(result);
      expect(code).toBe('BAD_REQUEST');
      expect(message).toMatch(
        /^Unknown metric "arrests_per_fortnight"\. Valid metrics: /,
      );
      for (const { id } of metrics) expect(message).toContain(id);
    }
    expect(metrics).toHaveLength(20);
  });

  it('refuses a range whose start is not before its end', async () => {
    for (const to of [FROM, '2023-12-01T00:00:00Z']) {
      expect(refusal(await series({ to }))).toEqual({
        code: 'BAD_REQUEST',
        message: '"from" must be before "to".',
      });
    }
  });

  it('refuses a range over the cap of ten years', async () => {
    expect(
      refusal(
        await series({
          from: '2010-01-01T00:00:00Z',
          to: '2024-01-01T00:00:00Z',
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'The range may span at most 3660 days.',
    });
    // Ten years exactly are answered.
    const ok = await series({
      grain: 'year',
      from: '2015-01-01T07:00:00Z',
      to: '2025-01-01T07:00:00Z',
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.metricSeries.map((p) => p.numerator)).toEqual([1]);
  });

  it('refuses more than two group-by dimensions', async () => {
    expect(
      refusal(
        await series({ groupBy: ['area', 'response_model', 'call_origin'] }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'Group by at most two dimensions.',
    });
  });

  it('refuses ids that are not ids, an unknown grain and a program split without a program', async () => {
    expect(refusal(await series({ filters: { areaIds: ['beat-1'] } }))).toEqual(
      {
        code: 'BAD_REQUEST',
        message: 'Not a valid id: "beat-1"',
      },
    );
    const grain = await series({ grain: 'fortnight' });
    expect(grain.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(grain.errors?.[0]?.message).toContain('fortnight');
    // Hour of week and total are separate queries, not grains of a series.
    expect(
      (await series({ grain: 'hour_of_week' })).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    // Not a server error: the caller is told what is missing.
    expect(refusal(await series({ groupBy: ['program_area'] }))).toEqual({
      code: 'BAD_REQUEST',
      message:
        'Grouping by program_area needs a program (program or filters.programId).',
    });
    expect(
      refusal(
        await api.graphql(
          BREAKDOWN,
          {
            input: {
              metric: 'arrest_rate',
              dimension: 'program_area',
              from: FROM,
              to: TO,
              program: 'central',
            },
          },
          admin,
        ),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: 'Not a valid id: "central"' });
  });

  it('refuses evaluations of other lengths or of no program', async () => {
    const evaluation = (input: Record<string, unknown>) =>
      api.graphql(EVALUATION, { input }, admin);
    expect(
      refusal(
        await evaluation({
          program: '00000000-0000-4000-8000-000000000000',
          months: 7,
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: 'months must be 6, 12 or 24.' });
    expect(
      refusal(
        await evaluation({
          program: '00000000-0000-4000-8000-000000000000',
          months: 12,
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'No program with id 00000000-0000-4000-8000-000000000000.',
    });
    expect(
      refusal(await evaluation({ program: 'central', months: 12 })),
    ).toEqual({ code: 'BAD_REQUEST', message: 'Not a valid id: "central"' });
  });

  it('refuses a comparison with half a baseline or too many metrics', async () => {
    const comparison = (input: Record<string, unknown>) =>
      api.graphql(
        COMPARISON,
        { input: { metrics: ['arrest_rate'], from: FROM, to: TO, ...input } },
        admin,
      );
    expect(
      refusal(await comparison({ baselineFrom: '2023-01-01T07:00:00Z' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message:
        'Give both baselineFrom and baselineTo, or neither for AUTO (the equal-length period before).',
    });
    expect(
      refusal(await comparison({ metrics: Array(26).fill('bh_call_volume') })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'Compare at most 25 metrics at once.',
    });
  });

  it('lets only admins change unit costs', async () => {
    const input = {
      agencyId: agency.id,
      key: 'jail_bed_day',
      value: 80,
      low: 60,
      high: 130,
      source: 'County budget 2025',
    };
    for (const role of [
      'viewer',
      'program_manager',
      'planner',
      'grant_writer',
      'data_steward',
    ] as const) {
      const { cookie } = await api.signIn(role);
      const result = await api.graphql(UPDATE_UNIT_COST, { input }, cookie);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data?.['updateUnitCost'] ?? null).toBeNull();
    }
    const [unchanged] = await api.dataSource.query(
      "SELECT value::float8 AS value FROM unit_costs WHERE agency_id = $1 AND key = 'jail_bed_day'",
      [agency.id],
    );
    expect(unchanged.value).toBe(76);

    const updated = await api.graphql(UPDATE_UNIT_COST, { input }, admin);
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.['updateUnitCost']).toEqual({
      agencyId: agency.id,
      key: 'jail_bed_day',
      value: 80,
      low: 60,
      high: 130,
      source: 'County budget 2025',
    });
  });

  it('refuses a unit cost whose range does not hold its value, or has no source', async () => {
    const update = (input: Record<string, unknown>) =>
      api.graphql(
        UPDATE_UNIT_COST,
        {
          input: {
            agencyId: agency.id,
            key: 'jail_bed_day',
            value: 76,
            low: 57,
            high: 128.92,
            source: 'Pima County',
            ...input,
          },
        },
        admin,
      );
    const outOfRange = {
      code: 'BAD_REQUEST',
      message: 'A unit cost needs 0 <= low <= value <= high.',
    };
    expect(refusal(await update({ low: 90 }))).toEqual(outOfRange);
    expect(refusal(await update({ high: 70 }))).toEqual(outOfRange);
    expect(refusal(await update({ low: -1 }))).toEqual(outOfRange);
    expect(refusal(await update({ source: '  ' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Say where the figure comes from (source).',
    });
    expect(refusal(await update({ key: 'helicopter_hour' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'No unit cost "helicopter_hour" for that agency.',
    });
  });

  it('lets a viewer read metrics, of their own agency only', async () => {
    const result = await series({ grain: 'year' }, viewer);
    expect(result.errors).toBeUndefined();
    expect(result.data?.metricSeries).toEqual([
      {
        period: '2024',
        group: 'all',
        value: 0.5,
        numerator: 1,
        denominator: 2,
        excluded: 0,
        percentiles: null,
      },
    ]);
    const other = await createAgency(
      api.dataSource,
      'metrics-bad-input-other',
      'UTC',
    );
    const elsewhere = await series(
      { grain: 'year', filters: { agencyId: other.id } },
      viewer,
    );
    expect(elsewhere.data?.metricSeries).toEqual([]);
    const catalogue = await api.graphql<{ metrics: { id: string }[] }>(
      '{ metrics { id } }',
      {},
      viewer,
    );
    expect(catalogue.data?.metrics).toHaveLength(20);
    const { cookie: steward } = await api.signIn('data_steward', agency.id);
    const hours = await api.graphql<{ hourOfWeek: unknown[] }>(
      HOUR_OF_WEEK,
      { input: { metric: 'bh_call_volume', from: FROM, to: TO } },
      steward,
    );
    expect(hours.data?.hourOfWeek).toHaveLength(168);
  });

  it('reads a filter given as null as no filter', async () => {
    // The viewer is bound to this agency: no filters at all is its two
    // encounters, and so is every filter given as null.
    const all = await series({ grain: 'year', filters: null }, viewer);
    expect(all.errors).toBeUndefined();
    expect(all.data?.metricSeries.map((p) => p.denominator)).toEqual([2]);
    const result = await series({
      grain: 'year',
      groupBy: null,
      program: null,
      filters: {
        agencyId: agency.id,
        areaIds: null,
        programId: null,
        responseModels: null,
        peerSpecialistInvolved: null,
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.metricSeries.map((p) => p.denominator)).toEqual([2]);
  });
});
