export * from './lib/auth-redirect.util';
export * from './lib/login-page';
export * from './lib/require-auth';
export * from './lib/use-current-user';
