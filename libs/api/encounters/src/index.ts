export * from './encounters.module';
export * from './encounters.service';
