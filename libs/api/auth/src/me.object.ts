import { type Role, ROLES } from '@crosswalk/domain';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export const RoleEnum = Object.fromEntries(
  ROLES.map((role) => [role, role]),
) as { [R in Role]: R };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a user may do in Crosswalk.',
});

@ObjectType('Me', { description: 'The signed-in user.' })
export class MeObject {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => ID, {
    nullable: true,
    description: 'The agency whose data the user sees; null for all.',
  })
  agencyId!: string | null;
}
