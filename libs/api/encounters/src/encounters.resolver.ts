import {
  type AuthenticatedUser,
  CurrentUser,
  Roles,
} from '@crosswalk/api/auth';
import { ROLES } from '@crosswalk/domain';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';

import {
  AgencyObject,
  AreaObject,
  EncounterFilterInput,
  ProgramObject,
} from './encounters.objects';
import { EncountersService } from './encounters.service';

@Resolver()
@Roles(...ROLES)
export class EncountersResolver {
  constructor(private readonly encounters: EncountersService) {}

  @Query(() => [AgencyObject], {
    description: 'Agencies whose data you may see.',
  })
  agencies(@CurrentUser() user: AuthenticatedUser) {
    return this.encounters.agencies(user);
  }

  @Query(() => [AreaObject], {
    description: 'Areas (beats, sectors, districts) with their hierarchy.',
  })
  areas(
    @CurrentUser() user: AuthenticatedUser,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId?: string,
  ) {
    return this.encounters.areas(user, agencyId);
  }

  @Query(() => [ProgramObject], {
    description: 'Programs with their start dates and served areas.',
  })
  programs(
    @CurrentUser() user: AuthenticatedUser,
    @Args('agencyId', { type: () => ID, nullable: true }) agencyId?: string,
  ) {
    return this.encounters.programs(user, agencyId);
  }

  @Query(() => Int, {
    description: 'Number of encounters matching the filter.',
  })
  encounterCount(
    @CurrentUser() user: AuthenticatedUser,
    @Args('filter', { type: () => EncounterFilterInput, nullable: true })
    filter?: EncounterFilterInput,
  ) {
    return this.encounters.count(user, filter);
  }
}
