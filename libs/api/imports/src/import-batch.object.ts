import {
  Field,
  Float,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';

export const IMPORT_BATCH_STATUSES = [
  'running',
  'completed',
  'failed',
  'interrupted',
] as const;
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUSES)[number];

export const ImportBatchStatusEnum = Object.fromEntries(
  IMPORT_BATCH_STATUSES.map((status) => [status, status]),
) as { [S in ImportBatchStatus]: S };
registerEnumType(ImportBatchStatusEnum, {
  name: 'ImportBatchStatus',
  description:
    'running; completed; failed (see error); interrupted (the process stopped: import the file again to finish).',
});

@ObjectType('ImportBatch', { description: 'One import of one file.' })
export class ImportBatchObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field({ description: 'Name of the import profile used.' })
  profile!: string;
  @Field() sourceSystem!: string;
  @Field({ description: 'Name of the uploaded file.' }) fileName!: string;
  @Field(() => ImportBatchStatusEnum) status!: ImportBatchStatus;
  @Field(() => Int, { description: 'Data rows read so far.' })
  rowsRead!: number;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Int, { description: "Rows the profile's filter left out." })
  filtered!: number;
  @Field(() => Float, {
    description: 'Bytes of the file read by the last committed batch of rows.',
  })
  bytesRead!: number;
  @Field(() => Float, { nullable: true }) bytesTotal!: number | null;
  @Field(() => Float, {
    description: 'Share of the file done, 0 to 1; 1 once completed.',
  })
  progress!: number;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the import failed or was interrupted.',
  })
  error!: string | null;
}

@ObjectType('RejectCount')
export class RejectCountObject {
  @Field({ description: 'Reason code, e.g. invalid_timestamp.' })
  reason!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('ImportReject', { description: 'A row the import could not use.' })
export class ImportRejectObject {
  @Field(() => Int, { description: 'Line of the row in the file.' })
  rowNumber!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The column at fault, when one is.',
  })
  column!: string | null;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field({ description: 'The row as it was in the file.' }) rawLine!: string;
}
