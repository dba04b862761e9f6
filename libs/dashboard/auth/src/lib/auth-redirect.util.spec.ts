import { GraphqlError } from '@crosswalk/dashboard/data-access';
import { describe, expect, it } from 'vitest';

import {
  isSignedOutError,
  loginPathFor,
  nextPathAfterLogin,
} from './auth-redirect.util';

describe('loginPathFor', () => {
  it('sends the overview to the plain login page', () => {
    expect(loginPathFor({ pathname: '/' })).toBe('/login');
  });

  it('keeps the wanted path, query and hash', () => {
    expect(
      loginPathFor({
        pathname: '/staffing',
        search: '?area=7',
        hash: '#map',
      }),
    ).toBe('/login?next=%2Fstaffing%3Farea%3D7%23map');
  });

  it('round-trips through nextPathAfterLogin', () => {
    const wanted = '/reports?period=12m';
    const login = loginPathFor({ pathname: '/reports', search: '?period=12m' });
    expect(nextPathAfterLogin(login.slice(login.indexOf('?')))).toBe(wanted);
  });
});

describe('nextPathAfterLogin', () => {
  it('defaults to the overview', () => {
    expect(nextPathAfterLogin('')).toBe('/');
    expect(nextPathAfterLogin('?next=')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    'javascript:alert(1)',
    'staffing',
    '/login?next=/data',
  ])('refuses %s', (next) => {
    expect(nextPathAfterLogin(`?${new URLSearchParams({ next })}`)).toBe('/');
  });

  it('accepts a same-site path', () => {
    expect(nextPathAfterLogin('?next=%2Fdata')).toBe('/data');
  });
});

describe('isSignedOutError', () => {
  it('is true for UNAUTHENTICATED and FORBIDDEN API errors', () => {
    expect(isSignedOutError(new GraphqlError('no', 'UNAUTHENTICATED'))).toBe(
      true,
    );
    expect(isSignedOutError(new GraphqlError('no', 'FORBIDDEN'))).toBe(true);
  });

  it('is false for other failures', () => {
    expect(isSignedOutError(new GraphqlError('boom', 'INTERNAL'))).toBe(false);
    expect(isSignedOutError(new GraphqlError('no data'))).toBe(false);
    expect(isSignedOutError(new TypeError('Failed to fetch'))).toBe(false);
  });
});
