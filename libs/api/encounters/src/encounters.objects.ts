import type { AreaLevel, ProgramModel, ResponseModel } from '@crosswalk/domain';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

import {
  AreaLevelEnum,
  ProgramModelEnum,
  ResponseModelEnum,
} from './graphql-enums';

@ObjectType('Agency')
export class AgencyObject {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field({
    description: 'IANA time zone; hours, days and months are counted in it.',
  })
  timeZone!: string;
}

@ObjectType('Area')
export class AreaObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AreaLevelEnum) level!: AreaLevel;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Int, { nullable: true }) population!: number | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'GeoJSON geometry of the area.',
  })
  geojson!: object | null;
}

@ObjectType('Program')
export class ProgramObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field() name!: string;
  @Field(() => ProgramModelEnum) model!: ProgramModel;
  @Field({ description: 'First day of the program (yyyy-MM-dd, agency time).' })
  startDate!: string;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [ID], {
    description: 'Areas the program serves; the others are comparison areas.',
  })
  areaIds!: string[];
}

@InputType()
export class EncounterFilterInput {
  @Field({
    nullable: true,
    description: 'Encounters at or after this instant.',
  })
  from?: Date;
  @Field({ nullable: true, description: 'Encounters before this instant.' })
  to?: Date;
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
  @Field(() => [ResponseModelEnum], { nullable: true })
  responseModels?: ResponseModel[];
}
