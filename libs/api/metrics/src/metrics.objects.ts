import {
  type Dimension,
  DIMENSIONS,
  type Grain,
  GRAINS,
} from '@crosswalk/metrics/compiler';
import {
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [V in T]: V };

export const GrainEnum = enumOf<Grain>(
  GRAINS.filter((g) => g !== 'hour_of_week' && g !== 'total'),
);
export const DimensionEnum = enumOf<Dimension>(DIMENSIONS);
registerEnumType(GrainEnum, {
  name: 'TimeGrain',
  description: 'Time buckets, in the agency time zone.',
});
registerEnumType(DimensionEnum, { name: 'MetricDimension' });

@ObjectType('Metric', {
  description: 'A standardized metric from metrics-definitions/.',
})
export class MetricObject {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field() title!: string;
  @Field({
    description: 'Plain-language description, fit for the public page.',
  })
  description!: string;
  @Field() kind!: string;
  @Field() unit!: string;
  @Field({ description: 'lower, higher or neutral.' }) betterDirection!: string;
  @Field() source!: string;
  @Field() public!: boolean;
}

@InputType()
export class MetricFiltersInput {
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'Areas, each with the areas below it.',
  })
  areaIds?: string[];
  @Field(() => ID, {
    nullable: true,
    description: "Encounters in the program's areas.",
  })
  programId?: string;
  @Field(() => [String], { nullable: true }) responseModels?: string[];
  @Field(() => [String], { nullable: true }) callOrigins?: string[];
  @Field(() => [String], { nullable: true }) bhCategories?: string[];
  @Field({ nullable: true }) peerSpecialistInvolved?: boolean;
  @Field(() => [String], { nullable: true }) ageBands?: string[];
  @Field(() => [String], { nullable: true }) genders?: string[];
  @Field(() => [String], { nullable: true }) races?: string[];
  @Field(() => [String], { nullable: true }) ethnicities?: string[];
}

@InputType()
export class MetricSeriesInput {
  @Field({ description: 'A metric id (see `metrics`).' }) metric!: string;
  @Field(() => GrainEnum) grain!: Grain;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => MetricFiltersInput, { nullable: true })
  filters?: MetricFiltersInput;
  @Field(() => [DimensionEnum], { nullable: true }) groupBy?: Dimension[];
  @Field(() => ID, {
    nullable: true,
    description: 'The program `program_area` splits on.',
  })
  program?: string;
}

@InputType()
export class MetricBreakdownInput {
  @Field() metric!: string;
  @Field(() => DimensionEnum) dimension!: Dimension;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => MetricFiltersInput, { nullable: true })
  filters?: MetricFiltersInput;
  @Field(() => ID, { nullable: true }) program?: string;
}

@InputType()
export class HourOfWeekInput {
  @Field() metric!: string;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => MetricFiltersInput, { nullable: true })
  filters?: MetricFiltersInput;
}

@ObjectType('MetricPoint')
export class MetricPointObject {
  @Field() period!: string;
  @Field() group!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Rates as fractions (0.12 = 12%).',
  })
  value!: number | null;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Int, {
    description:
      'Records left out because a field the metric needs is unknown.',
  })
  excluded!: number;
  @Field(() => [Float], {
    nullable: true,
    description: 'Percentile metrics: each percentile of the definition.',
  })
  percentiles!: number[] | null;
}

@ObjectType('HourOfWeekCell')
export class HourOfWeekCellObject {
  @Field(() => Int, { description: '1 = Monday ... 7 = Sunday (ISO).' })
  dayOfWeek!: number;
  @Field(() => Int) hour!: number;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Int) excluded!: number;
}

@InputType()
export class ComparisonInput {
  @Field(() => [String]) metrics!: string[];
  @Field() from!: Date;
  @Field() to!: Date;
  @Field({
    nullable: true,
    description:
      'Baseline start; with baselineTo unset too, AUTO: the equal-length period before.',
  })
  baselineFrom?: Date;
  @Field({ nullable: true }) baselineTo?: Date;
  @Field(() => MetricFiltersInput, { nullable: true })
  filters?: MetricFiltersInput;
}

@ObjectType('Comparison')
export class ComparisonObject {
  @Field() metric!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) baselineValue!: number | null;
  @Field(() => Float, { nullable: true }) change!: number | null;
  @Field(() => Float, { nullable: true }) relativeChange!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Lower end of the 95% CI of the change.',
  })
  ciLower!: number | null;
  @Field(() => Float, { nullable: true }) ciUpper!: number | null;
  @Field(() => Float, { nullable: true }) pValue!: number | null;
  @Field() significant!: boolean;
  @Field({ description: 'A window has fewer than 30 encounters.' })
  smallSample!: boolean;
  @Field({
    description: 'The test used, or "none" when the metric has no test.',
  })
  method!: string;
  @Field(() => Int) excluded!: number;
  @Field(() => Int) baselineExcluded!: number;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field() baselineFrom!: Date;
  @Field() baselineTo!: Date;
}

@InputType()
export class EvaluationInput {
  @Field(() => ID) program!: string;
  @Field(() => Int, {
    description: '6, 12 or 24 months after the program start.',
  })
  months!: number;
}

@ObjectType('EvaluationCell')
export class EvaluationCellObject {
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Int) excluded!: number;
}

@ObjectType('EvaluationResult')
export class EvaluationResultObject {
  @Field() metric!: string;
  @Field(() => EvaluationCellObject) programBefore!: EvaluationCellObject;
  @Field(() => EvaluationCellObject) programAfter!: EvaluationCellObject;
  @Field(() => EvaluationCellObject) comparisonBefore!: EvaluationCellObject;
  @Field(() => EvaluationCellObject) comparisonAfter!: EvaluationCellObject;
  @Field(() => ComparisonObject, {
    nullable: true,
    description: 'Program areas, after vs before.',
  })
  prePost!: ComparisonObject | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Difference-in-differences: percentage points for rates (as a fraction), ratio of rate ratios for counts.',
  })
  didEstimate!: number | null;
  @Field(() => Float, { nullable: true }) didLower!: number | null;
  @Field(() => Float, { nullable: true }) didUpper!: number | null;
  @Field(() => Float, { nullable: true }) didPValue!: number | null;
  @Field({ description: 'What the DiD estimate measures.' }) didScale!: string;
}

@ObjectType('CostSavings')
export class CostSavingsObject {
  @Field(() => Float) value!: number;
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
  @Field(() => [String], {
    description: 'Every assumption behind the figures.',
  })
  assumptions!: string[];
}

@ObjectType('Evaluation')
export class EvaluationObject {
  @Field(() => ID) program!: string;
  @Field(() => Int) months!: number;
  @Field() before!: Date;
  @Field() start!: Date;
  @Field() after!: Date;
  @Field({
    description: 'The after window reaches past the last encounter on record.',
  })
  incomplete!: boolean;
  @Field(() => [EvaluationResultObject]) results!: EvaluationResultObject[];
  @Field(() => CostSavingsObject, { nullable: true })
  costSavings!: CostSavingsObject | null;
}

@ObjectType('UnitCost')
export class UnitCostObject {
  @Field(() => ID) agencyId!: string;
  @Field() key!: string;
  @Field() label!: string;
  @Field() unit!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
  @Field() source!: string;
}

@InputType()
export class UnitCostInput {
  @Field(() => ID) agencyId!: string;
  @Field() key!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
  @Field() source!: string;
}
