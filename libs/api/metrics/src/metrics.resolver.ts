import {
  type AuthenticatedUser,
  CurrentUser,
  Roles,
} from '@crosswalk/api/auth';
import { ROLES } from '@crosswalk/domain';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import {
  ComparisonInput,
  ComparisonObject,
  EvaluationInput,
  EvaluationObject,
  HourOfWeekCellObject,
  HourOfWeekInput,
  MetricBreakdownInput,
  MetricObject,
  MetricPointObject,
  MetricSeriesInput,
  UnitCostInput,
  UnitCostObject,
} from './metrics.objects';
import { MetricsService } from './metrics.service';

@Resolver()
@Roles(...ROLES)
export class MetricsResolver {
  constructor(private readonly service: MetricsService) {}

  @Query(() => [MetricObject], {
    description: 'The metric catalogue with descriptions and sources.',
  })
  metrics(): MetricObject[] {
    return [...this.service.definitions()];
  }

  @Query(() => [MetricPointObject], {
    description:
      "A metric over time, optionally grouped. By day or week, encounters whose source gives only their month are in the period 'unknown'.",
  })
  metricSeries(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: MetricSeriesInput,
  ) {
    return this.service.series(user, input);
  }

  @Query(() => [MetricPointObject], {
    description: 'A metric over a period, by one dimension.',
  })
  metricBreakdown(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: MetricBreakdownInput,
  ) {
    return this.service.breakdown(user, input);
  }

  @Query(() => [HourOfWeekCellObject], {
    description:
      'The 7 x 24 hour-of-week grid, in agency time. Encounters whose source gives only their day or month are not in it.',
  })
  hourOfWeek(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: HourOfWeekInput,
  ) {
    return this.service.hourOfWeek(user, input);
  }

  @Query(() => [ComparisonObject], {
    description:
      'Metrics against a baseline period (AUTO: the equal-length period before).',
  })
  comparison(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ComparisonInput,
  ) {
    return this.service.comparison(user, input);
  }

  @Query(() => EvaluationObject, {
    description:
      'Pre/post and difference-in-differences for a program, 6, 12 or 24 months.',
  })
  @Roles('admin', 'program_manager', 'grant_writer', 'planner')
  evaluation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EvaluationInput,
  ) {
    return this.service.evaluation(user, input);
  }

  @Query(() => [UnitCostObject], {
    description: 'Unit costs of the cost model, with sources and ranges.',
  })
  unitCosts(@CurrentUser() user: AuthenticatedUser) {
    return this.service.unitCosts(user);
  }

  @Mutation(() => UnitCostObject, {
    description: 'Changes a unit cost (admin).',
  })
  @Roles('admin')
  updateUnitCost(@Args('input') input: UnitCostInput) {
    return this.service.updateUnitCost(input);
  }
}
