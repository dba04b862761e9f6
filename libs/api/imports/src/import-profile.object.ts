import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportProfile', {
  description: 'How files from one source system map to encounters.',
})
export class ImportProfileObject {
  @Field({
    description: 'The name to upload with: the file name without .yaml.',
  })
  name!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() sourceSystem!: string;
  @Field({ description: 'Code of the agency the rows are imported into.' })
  agencyCode!: string;
  @Field() agencyName!: string;
  @Field({
    description: 'IANA time zone the timestamps in the file are read in.',
  })
  timeZone!: string;
}
