import { GraphqlError } from '@crosswalk/dashboard/data-access';

export const LOGIN_PATH = '/login';
const NEXT_PARAM = 'next';

/** Codes with which the API says "sign in first". */
const SIGNED_OUT_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

export function isSignedOutError(error: unknown): boolean {
  return (
    error instanceof GraphqlError &&
    error.code !== undefined &&
    SIGNED_OUT_CODES.has(error.code)
  );
}

export interface WantedLocation {
  pathname: string;
  search?: string;
  hash?: string;
}

/** The login URL that returns to `wanted` after signing in. */
export function loginPathFor(wanted: WantedLocation): string {
  const target = `${wanted.pathname}${wanted.search ?? ''}${wanted.hash ?? ''}`;
  if (target === '/' || target === '' || wanted.pathname === LOGIN_PATH) {
    return LOGIN_PATH;
  }
  return `${LOGIN_PATH}?${new URLSearchParams({ [NEXT_PARAM]: target })}`;
}

/**
 * Where to go after signing in, read from the login page's query string.
 * Only same-site paths are accepted, so a crafted link cannot send a user
 * who just signed in to another site.
 */
export function nextPathAfterLogin(search: string): string {
  const next = new URLSearchParams(search).get(NEXT_PARAM);
  if (
    !next ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    next.startsWith(LOGIN_PATH)
  ) {
    return '/';
  }
  return next;
}
