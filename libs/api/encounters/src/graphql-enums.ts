import {
  AREA_LEVELS,
  type AreaLevel,
  PROGRAM_MODELS,
  type ProgramModel,
  RESPONSE_MODELS,
  type ResponseModel,
} from '@crosswalk/domain';
import { registerEnumType } from '@nestjs/graphql';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [V in T]: V };

export const ResponseModelEnum = enumOf<ResponseModel>(RESPONSE_MODELS);
export const ProgramModelEnum = enumOf<ProgramModel>(PROGRAM_MODELS);
export const AreaLevelEnum = enumOf<AreaLevel>(AREA_LEVELS);

registerEnumType(ResponseModelEnum, {
  name: 'ResponseModel',
  description: 'Who responded to the encounter.',
});
registerEnumType(ProgramModelEnum, { name: 'ProgramModel' });
registerEnumType(AreaLevelEnum, { name: 'AreaLevel' });
