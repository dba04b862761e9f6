export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** Send the session cookie over HTTPS only. */
  cookieSecure: boolean;
}
