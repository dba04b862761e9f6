import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.demoEncounters).toBe(50_000);
    expect(config.admin).toBeUndefined();
    expect(config.cookieSecure).toBe(false);
    expect(config.uploadLimitMb).toBe(512);
  });

  it('reads the upload limit in whole megabytes', () => {
    expect(loadConfig({ CROSSWALK_UPLOAD_LIMIT_MB: '20' }).uploadLimitMb).toBe(
      20,
    );
    expect(() => loadConfig({ CROSSWALK_UPLOAD_LIMIT_MB: '0' })).toThrow(
      'Invalid setting CROSSWALK_UPLOAD_LIMIT_MB: must be at least 1',
    );
    expect(() => loadConfig({ CROSSWALK_UPLOAD_LIMIT_MB: '1.5' })).toThrow(
      'Invalid setting CROSSWALK_UPLOAD_LIMIT_MB: must be a whole number of megabytes',
    );
  });

  it('names a bad setting in one line', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      /^Invalid setting PORT: /,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      'Invalid setting DATABASE_URL: must start with postgres:// or postgresql://',
    );
  });

  it('requires the admin email and password together', () => {
    expect(() =>
      loadConfig({ CROSSWALK_ADMIN_EMAIL: 'a@example.org' }),
    ).toThrow(
      'Invalid setting CROSSWALK_ADMIN_PASSWORD: must be set together with the other admin setting',
    );
    expect(() =>
      loadConfig({
        CROSSWALK_ADMIN_EMAIL: 'a@example.org',
        CROSSWALK_ADMIN_PASSWORD: 'short',
      }),
    ).toThrow(
      'Invalid setting CROSSWALK_ADMIN_PASSWORD: must be at least 12 characters',
    );
    expect(
      loadConfig({
        CROSSWALK_ADMIN_EMAIL: 'Admin@Example.org',
        CROSSWALK_ADMIN_PASSWORD: 'a-long-password',
      }).admin,
    ).toEqual({ email: 'admin@example.org', password: 'a-long-password' });
  });
});
