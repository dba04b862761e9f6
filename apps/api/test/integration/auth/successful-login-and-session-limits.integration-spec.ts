import { AuditLogEntity } from '@crosswalk/api/database';

import { createTestApp, type TestApp } from '../../test-app';

const ME = '{ me { email role } }';

describe('login, sessions and logout', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('sets an httpOnly, SameSite=Strict session cookie that `me` accepts', async () => {
    const { cookie, userId } = await api.signIn('planner');
    const me = await api.graphql<{ me: { email: string; role: string } }>(
      ME,
      {},
      cookie,
    );
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.role).toBe('planner');

    const login = await api.graphql(
      'mutation { login(email: "nobody@example.org", password: "wrong password") { id } }',
    );
    expect(login.setCookie).toBeNull();

    const audit = await api.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ userId, event: 'logon' });
    expect(audit.map((a) => a.outcome)).toEqual(['success']);
  });

  it('marks the cookie httpOnly and SameSite=Strict, and stores only a hash of the token', async () => {
    const { cookie, setCookie, userId } = await api.signIn('viewer');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const token = cookie.split('=')[1];
    const [{ hashed }] = await api.dataSource.query(
      "SELECT count(*)::int AS hashed FROM sessions WHERE user_id = $1 AND token_hash = sha256(convert_to($2, 'UTF8'))",
      [userId, token],
    );
    expect(hashed).toBe(1);
  });

  it('rejects a wrong password plainly and audits the failure', async () => {
    const { userId } = await api.signIn('viewer');
    const [user] = await api.dataSource.query(
      'SELECT email FROM users WHERE id = $1',
      [userId],
    );
    const result = await api.graphql(
      'mutation ($e: String!) { login(email: $e, password: "not it") { id } }',
      { e: user.email },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'Wrong email or password.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const failures = await api.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ userId, event: 'logon', outcome: 'failure' });
    expect(failures).toHaveLength(1);
  });

  it('ends the session after 30 idle minutes and after 12 hours in all', async () => {
    const idle = await api.signIn('viewer');
    await api.dataSource.query(
      "UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1",
      [idle.userId],
    );
    expect(
      (await api.graphql(ME, {}, idle.cookie)).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');

    const old = await api.signIn('viewer');
    await api.dataSource.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [old.userId],
    );
    expect(
      (await api.graphql(ME, {}, old.cookie)).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const { cookie } = await api.signIn('grant_writer');
    const logout = await api.graphql<{ logout: boolean }>(
      'mutation { logout }',
      {},
      cookie,
    );
    expect(logout.data?.logout).toBe(true);
    expect(logout.setCookie).toMatch(/crosswalk_session=;/);
    expect(
      (await api.graphql(ME, {}, cookie)).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a disabled user', async () => {
    const { cookie, userId } = await api.signIn('viewer');
    await api.dataSource.query(
      'UPDATE users SET disabled = true WHERE id = $1',
      [userId],
    );
    expect(
      (await api.graphql(ME, {}, cookie)).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });
});
