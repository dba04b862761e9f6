export * from './auth.decorators';
export * from './auth.module';
export * from './password.service';
export * from './request-context';
export * from './session.service';
export * from './users.service';
