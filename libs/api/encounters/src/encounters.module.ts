import { Module } from '@nestjs/common';

import { EncountersResolver } from './encounters.resolver';
import { EncountersService } from './encounters.service';

@Module({ providers: [EncountersService, EncountersResolver] })
export class EncountersModule {}
