import {
  type AuthenticatedUser,
  CurrentUser,
  Roles,
} from '@crosswalk/api/auth';
import {
  Args,
  ID,
  Int,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';

import {
  ImportBatchObject,
  ImportRejectObject,
  RejectCountObject,
} from './import-batch.object';
import { ImportProfileObject } from './import-profile.object';
import { ImportsService } from './imports.service';

@Resolver(() => ImportBatchObject)
@Roles('data_steward', 'admin')
export class ImportsResolver {
  constructor(private readonly imports: ImportsService) {}

  @Query(() => [ImportProfileObject], {
    description: 'Import profiles a file can be uploaded with.',
  })
  importProfiles(@CurrentUser() user: AuthenticatedUser) {
    return this.imports.profiles(user);
  }

  @Query(() => [ImportBatchObject], {
    description: 'Recent imports, newest first.',
  })
  importBatches(
    @CurrentUser() user: AuthenticatedUser,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ) {
    return this.imports.batches(user, limit);
  }

  @Query(() => ImportBatchObject, {
    nullable: true,
    description: 'One import with its progress; null when there is none.',
  })
  importBatch(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ) {
    return this.imports.batch(user, id);
  }

  // Field resolvers are reached only through the guarded queries above.
  @ResolveField(() => [RejectCountObject], {
    description: 'Rejected rows counted by reason, most frequent first.',
  })
  rejectsByReason(@Parent() batch: ImportBatchObject) {
    return this.imports.rejectsByReason(batch);
  }

  @ResolveField(() => [ImportRejectObject], {
    description: 'Rejected rows in file order.',
  })
  rejects(
    @Parent() batch: ImportBatchObject,
    @Args('limit', { type: () => Int, defaultValue: 100 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ) {
    return this.imports.rejects(batch, limit, offset);
  }
}
