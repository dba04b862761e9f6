import type { AuthenticatedUser } from '@crosswalk/api/auth';
import { UnitCostEntity } from '@crosswalk/api/database';
import {
  compileMetricQuery,
  compileRollupQuery,
  type MetricFilters,
  type MetricQuery,
  type MetricRow,
  rollupFor,
  rollupShape,
  type RollupTable,
} from '@crosswalk/metrics/compiler';
import { MetricRollups } from '@crosswalk/metrics/rollups';
import type { MetricDefinition } from '@crosswalk/metrics/spec';
import {
  compareProportions,
  differenceInDifferences,
  poissonRateRatio,
  rateRatioDifferenceInDifferences,
  SMALL_SAMPLE_THRESHOLD,
} from '@crosswalk/metrics/stats';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';

import { MetricCatalogue } from './metric-catalogue';
import type {
  ComparisonInput,
  ComparisonObject,
  CostSavingsObject,
  EvaluationCellObject,
  EvaluationObject,
  EvaluationResultObject,
  HourOfWeekCellObject,
  MetricBreakdownInput,
  MetricFiltersInput,
  MetricPointObject,
  MetricSeriesInput,
  UnitCostInput,
  UnitCostObject,
} from './metrics.objects';

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 366 * 10;
const MAX_POINTS = 5_000;
const EVALUATION_MONTHS = [6, 12, 24];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a compiled metric answers, as the API reports it. */
export function valueOf(
  definition: MetricDefinition,
  row: Pick<MetricRow, 'numerator' | 'denominator' | 'percentiles' | 'total'>,
): number | null {
  switch (definition.kind) {
    case 'ratio':
      return row.denominator ? (row.numerator ?? 0) / row.denominator : null;
    case 'distinct_persons':
      return definition.perPerson
        ? row.denominator
          ? (row.numerator ?? 0) / row.denominator
          : null
        : row.numerator;
    case 'percentile':
      return row.percentiles?.[0] ?? null;
    case 'sum':
      return row.total;
    default:
      return row.numerator;
  }
}

@Injectable()
export class MetricsService {
  /** Rollup coverage look-ups under way, by period and agencies. */
  private readonly coverLookups = new Map<string, Promise<boolean>>();
  /** Rollup answers being collected, by table, query and shape (see fromRollups). */
  private readonly rollupBatches = new Map<
    string,
    DataLoader<MetricDefinition, MetricRow[]>
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MetricCatalogue) private readonly catalogue: MetricCatalogue,
    private readonly rollups: MetricRollups,
  ) {}

  definitions(): readonly MetricDefinition[] {
    return this.catalogue.definitions;
  }

  private definition(id: string): MetricDefinition {
    const definition = this.catalogue.find(id);
    if (!definition) {
      throw new BadRequestException(
        `Unknown metric "${id}". Valid metrics: ${this.catalogue.ids.join(', ')}`,
      );
    }
    return definition;
  }

  private filters(
    user: AuthenticatedUser,
    given?: MetricFiltersInput | null,
  ): MetricFilters {
    // GraphQL null means "not given", as an absent field does; kept, a null
    // would compile to `column = NULL` and match nothing.
    const input = Object.fromEntries(
      Object.entries(given ?? {}).filter(([, value]) => value != null),
    ) as MetricFiltersInput;
    const ids = [
      input.agencyId,
      input.programId,
      ...(input.areaIds ?? []),
    ].filter((id): id is string => id !== undefined);
    const bad = ids.find((id) => !UUID.test(id));
    if (bad)
      throw new BadRequestException(`Not a valid id: ${JSON.stringify(bad)}`);
    const { agencyId, ...rest } = input;
    const agencies = user.agencyId
      ? [user.agencyId]
      : agencyId
        ? [agencyId]
        : undefined;
    if (user.agencyId && agencyId && agencyId !== user.agencyId)
      return { ...rest, agencyIds: [] };
    return { ...rest, agencyIds: agencies };
  }

  /**
   * The program a `program_area` split is on: a valid id, given when the
   * split is asked for (else the compiler fails with a server error).
   */
  private program(
    program: string | null | undefined,
    groupBy: readonly string[],
    filters: MetricFilters,
  ): string | undefined {
    if (program != null && !UUID.test(program))
      throw new BadRequestException(
        `Not a valid id: ${JSON.stringify(program)}`,
      );
    if (groupBy.includes('program_area') && !program && !filters.programId)
      throw new BadRequestException(
        'Grouping by program_area needs a program (program or filters.programId).',
      );
    return program ?? undefined;
  }

  private checkRange(from: Date, to: Date) {
    if (!(from < to))
      throw new BadRequestException('"from" must be before "to".');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      throw new BadRequestException(
        `The range may span at most ${MAX_RANGE_DAYS} days.`,
      );
    }
  }

  /** Runs a compiled query; answers with more than MAX_POINTS rows are refused. */
  async rows(
    definition: MetricDefinition,
    query: MetricQuery,
  ): Promise<MetricRow[]> {
    const { sql, params } = compileMetricQuery(definition, query);
    const rows: MetricRow[] = await this.dataSource.query(
      `${sql} LIMIT ${MAX_POINTS + 1}`,
      params,
    );
    if (rows.length > MAX_POINTS) {
      throw new BadRequestException(
        `The answer has more than ${MAX_POINTS} points; use a coarser grain, fewer groups or a shorter range.`,
      );
    }
    return rows;
  }

  private point(
    definition: MetricDefinition,
    row: MetricRow,
  ): MetricPointObject {
    return {
      period: row.period,
      group: row.group,
      value: valueOf(definition, row),
      numerator: row.numerator,
      denominator: row.denominator,
      excluded: row.excluded,
      percentiles: row.percentiles,
    };
  }

  async series(
    user: AuthenticatedUser,
    input: MetricSeriesInput,
  ): Promise<MetricPointObject[]> {
    const definition = this.definition(input.metric);
    this.checkRange(input.from, input.to);
    if ((input.groupBy?.length ?? 0) > 2)
      throw new BadRequestException('Group by at most two dimensions.');
    const filters = this.filters(user, input.filters);
    const rows = await this.answer(definition, {
      grain: input.grain,
      from: input.from,
      to: input.to,
      filters,
      groupBy: input.groupBy ?? undefined,
      program: this.program(input.program, input.groupBy ?? [], filters),
    });
    return rows.map((row) => this.point(definition, row));
  }

  async breakdown(
    user: AuthenticatedUser,
    input: MetricBreakdownInput,
  ): Promise<MetricPointObject[]> {
    const definition = this.definition(input.metric);
    this.checkRange(input.from, input.to);
    const filters = this.filters(user, input.filters);
    const rows = await this.answer(definition, {
      grain: 'total',
      from: input.from,
      to: input.to,
      filters,
      groupBy: [input.dimension],
      program: this.program(input.program, [input.dimension], filters),
    });
    return rows.map((row) => this.point(definition, row));
  }

  async hourOfWeek(
    user: AuthenticatedUser,
    input: {
      metric: string;
      from: Date;
      to: Date;
      filters?: MetricFiltersInput;
    },
  ): Promise<HourOfWeekCellObject[]> {
    const definition = this.definition(input.metric);
    this.checkRange(input.from, input.to);
    const rows = await this.answer(definition, {
      grain: 'hour_of_week',
      from: input.from,
      to: input.to,
      filters: this.filters(user, input.filters),
    });
    // Encounters not timed to the hour (period 'unknown') have no cell.
    const byHour = new Map(
      rows
        .filter((row) => row.period !== 'unknown')
        .map((row) => [Number(row.period), row]),
    );
    return Array.from({ length: 168 }, (_, index) => {
      const row = byHour.get(index);
      return {
        dayOfWeek: Math.floor(index / 24) + 1,
        hour: index % 24,
        value: row
          ? valueOf(definition, row)
          : definition.kind === 'count'
            ? 0
            : null,
        numerator: row?.numerator ?? (definition.kind === 'count' ? 0 : null),
        denominator: row?.denominator ?? null,
        excluded: row?.excluded ?? 0,
      };
    });
  }

  /** The rows of a query, from the rollups when they can answer it exactly, else from the raw table. */
  private async answer(
    definition: MetricDefinition,
    query: MetricQuery,
  ): Promise<MetricRow[]> {
    const table = rollupFor(definition, query);
    if (table && (await this.rollupsCover(query)))
      return this.fromRollups(definition, query, table);
    return this.rows(definition, query);
  }

  /**
   * A dashboard asks for many metrics of one period at once (the Overview:
   * every KPI by month, then their totals and baselines): the requests for
   * the same table, query and shape made together are answered by one query.
   */
  private fromRollups(
    definition: MetricDefinition,
    query: MetricQuery,
    table: RollupTable,
  ): Promise<MetricRow[]> {
    const key = JSON.stringify([table, query, rollupShape(definition)]);
    let batch = this.rollupBatches.get(key);
    if (!batch) {
      batch = new DataLoader(
        async (definitions) => {
          this.rollupBatches.delete(key);
          const { sql, params } = compileRollupQuery(definitions, query, table);
          const rows: (MetricRow & { metric: string })[] =
            await this.dataSource.query(sql, params);
          return definitions.map((d) =>
            rows
              .filter((r) => r.metric === d.id)
              .map(({ metric: _, ...row }) => row),
          );
        },
        { cache: false },
      );
      this.rollupBatches.set(key, batch);
    }
    return batch.load(definition);
  }

  /**
   * Rollups hold whole local months: they answer when the range starts and
   * ends on month boundaries in every agency in scope, and those agencies'
   * rollups are built from these definitions with every import rolled up.
   */
  private rollupsCover(query: MetricQuery): Promise<boolean> {
    // A dashboard asks for many metrics of one period at once: they share
    // one look-up while it is under way.
    const key = JSON.stringify([
      query.from,
      query.to,
      query.filters?.agencyIds ?? null,
    ]);
    let pending = this.coverLookups.get(key);
    if (!pending) {
      pending = this.lookUpCover(query).finally(() =>
        this.coverLookups.delete(key),
      );
      this.coverLookups.set(key, pending);
    }
    return pending;
  }

  private async lookUpCover(query: MetricQuery): Promise<boolean> {
    const [{ covered }] = await this.dataSource.query(
      `SELECT coalesce(bool_and(
                date_trunc('month', $1::timestamptz AT TIME ZONE a.time_zone) = ($1::timestamptz AT TIME ZONE a.time_zone)
            AND date_trunc('month', $2::timestamptz AT TIME ZONE a.time_zone) = ($2::timestamptz AT TIME ZONE a.time_zone)
            AND s.fingerprint IS NOT DISTINCT FROM $4
            AND NOT EXISTS (SELECT 1 FROM import_batches b
                             WHERE b.agency_id = a.id AND NOT b.rolled_up AND NOT b.dry_run AND b.occurred_from IS NOT NULL)), false) AS covered
         FROM agencies a LEFT JOIN rollup_state s ON s.agency_id = a.id
        WHERE $3::uuid[] IS NULL OR a.id = ANY($3::uuid[])`,
      [
        query.from,
        query.to,
        query.filters?.agencyIds ?? null,
        this.rollups.fingerprint,
      ],
    );
    return covered;
  }

  /** Grain-total answer of one metric over [from, to) split by group. */
  private async totals(
    definition: MetricDefinition,
    from: Date,
    to: Date,
    filters: MetricFilters,
    program?: string,
  ) {
    const rows = await this.answer(definition, {
      grain: 'total',
      from,
      to,
      filters,
      groupBy: program ? ['program_area'] : undefined,
      program,
    });
    const empty: MetricRow = {
      period: 'total',
      group: 'all',
      numerator: 0,
      denominator: 0,
      excluded: 0,
      percentiles: null,
      total: definition.kind === 'sum' ? 0 : null,
    };
    const byGroup = new Map(rows.map((row) => [row.group, row]));
    return (group = 'all') => byGroup.get(group) ?? empty;
  }

  /**
   * AUTO baseline: the equal-length period before [from, to), in calendar
   * terms in the agency's zone (24 months before, not 731 days), so a
   * month-aligned period gets a month-aligned baseline. Agencies in scope
   * with different zones fall back to the same number of milliseconds.
   */
  private async periodBefore(
    from: Date,
    to: Date,
    filters: MetricFilters,
  ): Promise<Date> {
    const zones: { time_zone: string }[] = await this.dataSource.query(
      'SELECT DISTINCT time_zone FROM agencies WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[])',
      [filters.agencyIds ?? null],
    );
    if (zones.length !== 1)
      return new Date(from.getTime() - (to.getTime() - from.getTime()));
    const [{ start }] = await this.dataSource.query(
      `SELECT (($1::timestamptz AT TIME ZONE $3) - age($2::timestamptz AT TIME ZONE $3, $1::timestamptz AT TIME ZONE $3)) AT TIME ZONE $3 AS start`,
      [from, to, zones[0].time_zone],
    );
    return start;
  }

  async comparison(
    user: AuthenticatedUser,
    input: ComparisonInput,
  ): Promise<ComparisonObject[]> {
    this.checkRange(input.from, input.to);
    if (Boolean(input.baselineFrom) !== Boolean(input.baselineTo)) {
      throw new BadRequestException(
        'Give both baselineFrom and baselineTo, or neither for AUTO (the equal-length period before).',
      );
    }
    if (input.metrics.length > 25)
      throw new BadRequestException('Compare at most 25 metrics at once.');
    const filters = this.filters(user, input.filters);
    const baselineFrom =
      input.baselineFrom ??
      (await this.periodBefore(input.from, input.to, filters));
    const baselineTo = input.baselineTo ?? input.from;
    this.checkRange(baselineFrom, baselineTo);
    const definitions = input.metrics
      .map((id) => this.definition(id))
      .filter((d) => d.kind !== 'cost');
    return Promise.all(
      definitions.map(async (definition) => {
        const [current, baseline] = await Promise.all([
          this.totals(definition, input.from, input.to, filters),
          this.totals(definition, baselineFrom, baselineTo, filters),
        ]);
        return {
          ...compare(
            definition,
            current(),
            baseline(),
            (input.to.getTime() - input.from.getTime()) / DAY_MS,
            (baselineTo.getTime() - baselineFrom.getTime()) / DAY_MS,
          ),
          metric: definition.id,
          from: input.from,
          to: input.to,
          baselineFrom,
          baselineTo,
        };
      }),
    );
  }

  async evaluation(
    user: AuthenticatedUser,
    input: { program: string; months: number },
  ): Promise<EvaluationObject> {
    if (!EVALUATION_MONTHS.includes(input.months))
      throw new BadRequestException('months must be 6, 12 or 24.');
    if (!UUID.test(input.program))
      throw new BadRequestException(
        `Not a valid id: ${JSON.stringify(input.program)}`,
      );
    const [window] = await this.dataSource.query(
      `SELECT p.agency_id, (p.start_date::timestamp AT TIME ZONE a.time_zone) AS start,
              ((p.start_date - make_interval(months => $2))::timestamp AT TIME ZONE a.time_zone) AS before,
              ((p.start_date + make_interval(months => $2))::timestamp AT TIME ZONE a.time_zone) AS after,
              (SELECT max(occurred_at) FROM encounters e WHERE e.agency_id = p.agency_id) AS last_encounter
         FROM programs p JOIN agencies a ON a.id = p.agency_id
        WHERE p.id = $1 AND ($3::uuid IS NULL OR p.agency_id = $3)`,
      [input.program, input.months, user.agencyId],
    );
    if (!window)
      throw new BadRequestException(`No program with id ${input.program}.`);
    const filters: MetricFilters = { agencyIds: [window.agency_id] };
    const days = (input.months * 365.25) / 12;
    const results: EvaluationResultObject[] = [];
    for (const definition of this.catalogue.definitions) {
      if (definition.kind === 'cost') continue;
      const [before, after] = await Promise.all([
        this.totals(
          definition,
          window.before,
          window.start,
          filters,
          input.program,
        ),
        this.totals(
          definition,
          window.start,
          window.after,
          filters,
          input.program,
        ),
      ]);
      const cell = (row: MetricRow): EvaluationCellObject => ({
        value: valueOf(definition, row),
        numerator: row.numerator,
        denominator: row.denominator,
        excluded: row.excluded,
      });
      const [tb, ta, cb, ca] = [
        before('program areas'),
        after('program areas'),
        before('comparison areas'),
        after('comparison areas'),
      ];
      results.push({
        metric: definition.id,
        programBefore: cell(tb),
        programAfter: cell(ta),
        comparisonBefore: cell(cb),
        comparisonAfter: cell(ca),
        prePost: {
          ...compare(definition, ta, tb, days, days),
          metric: definition.id,
          from: window.start,
          to: window.after,
          baselineFrom: window.before,
          baselineTo: window.start,
        },
        ...differenceInDifferencesOf(
          definition,
          {
            treatedBefore: tb,
            treatedAfter: ta,
            comparisonBefore: cb,
            comparisonAfter: ca,
          },
          days,
        ),
      });
    }
    const cost = this.catalogue.definitions.find((d) => d.kind === 'cost');
    return {
      program: input.program,
      months: input.months,
      before: window.before,
      start: window.start,
      after: window.after,
      incomplete:
        !window.last_encounter || window.last_encounter < window.after,
      results,
      costSavings: cost
        ? await this.costSavings(cost, results, window.agency_id)
        : null,
    };
  }

  /**
   * DOMAIN.md section 5: sum over outcomes of (baseline rate - period rate) x
   * period encounters x unit cost, in the program areas, with the low and high
   * unit costs for sensitivity.
   */
  private async costSavings(
    definition: MetricDefinition,
    results: EvaluationResultObject[],
    agencyId: string,
  ): Promise<CostSavingsObject> {
    const costs = new Map(
      (
        await this.dataSource.getRepository(UnitCostEntity).findBy({ agencyId })
      ).map((c) => [c.key, c]),
    );
    const total = { value: 0, low: 0, high: 0 };
    const assumptions: string[] = [];
    for (const outcome of definition.cost?.outcomes ?? []) {
      const result = results.find((r) => r.metric === outcome.metric);
      const cost = costs.get(outcome.unitCost);
      if (!result || !cost) {
        assumptions.push(
          `${outcome.metric}: left out, ${cost ? 'no result' : `no unit cost "${outcome.unitCost}" for this agency`}.`,
        );
        continue;
      }
      const before = result.programBefore.value;
      const after = result.programAfter.value;
      const encounters = result.programAfter.denominator ?? 0;
      if (before === null || after === null) {
        assumptions.push(
          `${outcome.metric}: left out, no rate in one of the windows.`,
        );
        continue;
      }
      const avoided = (before - after) * encounters * outcome.unitsPerEvent;
      total.value += avoided * Number(cost.value);
      total.low += avoided * Number(cost.low);
      total.high += avoided * Number(cost.high);
      assumptions.push(
        `${outcome.metric}: (${(before * 100).toFixed(1)}% before - ${(after * 100).toFixed(1)}% after) x ${encounters} encounters x ${outcome.unitsPerEvent} x ${cost.label} $${Number(cost.value).toLocaleString('en-US')} (range $${Number(cost.low).toLocaleString('en-US')}-$${Number(cost.high).toLocaleString('en-US')}; source: ${cost.source}) = $${Math.round(avoided * Number(cost.value)).toLocaleString('en-US')}`,
      );
    }
    assumptions.push(
      'Program cost and officer hours avoided are not subtracted or added: no unit cost for them is on record.',
    );
    const [low, high] = [
      Math.min(total.low, total.high),
      Math.max(total.low, total.high),
    ];
    return { value: total.value, low, high, assumptions };
  }

  async unitCosts(user: AuthenticatedUser): Promise<UnitCostObject[]> {
    const rows = await this.dataSource.getRepository(UnitCostEntity).find({
      where: user.agencyId ? { agencyId: user.agencyId } : {},
      order: { key: 'ASC' },
    });
    return rows.map((row) => ({
      ...row,
      value: Number(row.value),
      low: Number(row.low),
      high: Number(row.high),
    }));
  }

  async updateUnitCost(input: UnitCostInput): Promise<UnitCostObject> {
    if (
      !(input.low <= input.value && input.value <= input.high) ||
      input.low < 0
    ) {
      throw new BadRequestException(
        'A unit cost needs 0 <= low <= value <= high.',
      );
    }
    if (!input.source.trim())
      throw new BadRequestException(
        'Say where the figure comes from (source).',
      );
    const repository = this.dataSource.getRepository(UnitCostEntity);
    const existing = await repository.findOneBy({
      agencyId: input.agencyId,
      key: input.key,
    });
    if (!existing)
      throw new BadRequestException(
        `No unit cost "${input.key}" for that agency.`,
      );
    await repository.update(
      { agencyId: input.agencyId, key: input.key },
      {
        value: String(input.value),
        low: String(input.low),
        high: String(input.high),
        source: input.source.trim(),
        updatedAt: new Date(),
      },
    );
    return {
      ...existing,
      value: input.value,
      low: input.low,
      high: input.high,
      source: input.source.trim(),
    };
  }
}

type Compared = Omit<
  ComparisonObject,
  'metric' | 'from' | 'to' | 'baselineFrom' | 'baselineTo'
>;

/** A value against its baseline, with the test that fits the metric's kind. */
function compare(
  definition: MetricDefinition,
  current: MetricRow,
  baseline: MetricRow,
  days: number,
  baselineDays: number,
): Compared {
  const value = valueOf(definition, current);
  const baselineValue = valueOf(definition, baseline);
  const base: Compared = {
    value,
    baselineValue,
    change:
      value !== null && baselineValue !== null ? value - baselineValue : null,
    relativeChange:
      value !== null && baselineValue
        ? (value - baselineValue) / baselineValue
        : null,
    ciLower: null,
    ciUpper: null,
    pValue: null,
    significant: false,
    smallSample: false,
    method: 'none',
    excluded: current.excluded,
    baselineExcluded: baseline.excluded,
  };
  const rate =
    definition.kind === 'ratio' ||
    (definition.kind === 'distinct_persons' && definition.perPerson);
  if (rate && current.denominator && baseline.denominator) {
    const result = compareProportions(
      { events: current.numerator ?? 0, n: current.denominator },
      { events: baseline.numerator ?? 0, n: baseline.denominator },
    );
    if (result) {
      return {
        ...base,
        change: result.change,
        ciLower: result.ci.lower,
        ciUpper: result.ci.upper,
        pValue: result.pValue,
        significant: result.significant,
        smallSample: result.smallSample,
        method: 'two-proportion z-test (Newcombe CI)',
      };
    }
  }
  if (
    definition.kind === 'count' ||
    (definition.kind === 'distinct_persons' && !definition.perPerson)
  ) {
    const count = current.numerator ?? 0;
    const baselineCount = baseline.numerator ?? 0;
    const ratio = poissonRateRatio(count, days, baselineCount, baselineDays);
    return {
      ...base,
      relativeChange: ratio ? ratio.ratio - 1 : base.relativeChange,
      ciLower: ratio ? ratio.lower - 1 : null,
      ciUpper: ratio ? ratio.upper - 1 : null,
      pValue: ratio?.pValue ?? null,
      significant: ratio ? ratio.pValue < 0.05 : false,
      smallSample:
        count < SMALL_SAMPLE_THRESHOLD ||
        baselineCount < SMALL_SAMPLE_THRESHOLD,
      method: 'Poisson rate ratio (CI on the relative change)',
    };
  }
  return {
    ...base,
    smallSample:
      (current.numerator ?? 0) < SMALL_SAMPLE_THRESHOLD ||
      (baseline.numerator ?? 0) < SMALL_SAMPLE_THRESHOLD,
  };
}

function differenceInDifferencesOf(
  definition: MetricDefinition,
  cells: {
    treatedBefore: MetricRow;
    treatedAfter: MetricRow;
    comparisonBefore: MetricRow;
    comparisonAfter: MetricRow;
  },
  days: number,
): Pick<
  EvaluationResultObject,
  'didEstimate' | 'didLower' | 'didUpper' | 'didPValue' | 'didScale'
> {
  const none = {
    didEstimate: null,
    didLower: null,
    didUpper: null,
    didPValue: null,
    didScale: 'none',
  };
  const rate =
    definition.kind === 'ratio' ||
    (definition.kind === 'distinct_persons' && definition.perPerson);
  const proportion = (row: MetricRow) => ({
    events: row.numerator ?? 0,
    n: row.denominator ?? 0,
  });
  if (rate) {
    const all = Object.values(cells).every((row) => (row.denominator ?? 0) > 0);
    const did = all
      ? differenceInDifferences({
          treatedBefore: proportion(cells.treatedBefore),
          treatedAfter: proportion(cells.treatedAfter),
          comparisonBefore: proportion(cells.comparisonBefore),
          comparisonAfter: proportion(cells.comparisonAfter),
        })
      : null;
    return did
      ? {
          didEstimate: did.estimate,
          didLower: did.lower,
          didUpper: did.upper,
          didPValue: did.pValue,
          didScale: 'percentage points (fraction)',
        }
      : none;
  }
  if (definition.kind === 'count') {
    const exposure = (row: MetricRow) => ({
      events: row.numerator ?? 0,
      exposure: days,
    });
    const did = rateRatioDifferenceInDifferences({
      treatedBefore: exposure(cells.treatedBefore),
      treatedAfter: exposure(cells.treatedAfter),
      comparisonBefore: exposure(cells.comparisonBefore),
      comparisonAfter: exposure(cells.comparisonAfter),
    });
    return did
      ? {
          didEstimate: did.ratio,
          didLower: did.lower,
          didUpper: did.upper,
          didPValue: did.pValue,
          didScale: 'ratio of rate ratios',
        }
      : none;
  }
  return none;
}
