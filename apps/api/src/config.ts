import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const schema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'])
      .default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'must start with postgres:// or postgresql://',
      )
      .optional(),
    CROSSWALK_DATA_DIR: z.string().min(1).optional(),
    CROSSWALK_ADMIN_EMAIL: z.string().email().optional(),
    CROSSWALK_ADMIN_PASSWORD: z
      .string()
      .min(12, 'must be at least 12 characters')
      .optional(),
    CROSSWALK_DEMO_ENCOUNTERS: z.coerce.number().int().min(0).default(50_000),
    CROSSWALK_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    CROSSWALK_UPLOAD_LIMIT_MB: z.coerce
      .number()
      .int('must be a whole number of megabytes')
      .min(1, 'must be at least 1')
      .max(102_400, 'must be at most 102400 (100 GB)')
      .default(512),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .superRefine((env, ctx) => {
    if (
      Boolean(env.CROSSWALK_ADMIN_EMAIL) !==
      Boolean(env.CROSSWALK_ADMIN_PASSWORD)
    ) {
      const missing = env.CROSSWALK_ADMIN_EMAIL
        ? 'CROSSWALK_ADMIN_PASSWORD'
        : 'CROSSWALK_ADMIN_EMAIL';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'must be set together with the other admin setting',
      });
    }
  });

export type CrosswalkConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir?: string;
  admin?: { email: string; password: string };
  demoEncounters: number;
  cookieSecure: boolean;
  /** Largest file the import upload accepts, in megabytes. */
  uploadLimitMb: number;
  logLevel: string;
}>;

export class ConfigError extends Error {}

/** Validates the environment; the first problem becomes one line naming the setting. */
export function loadConfig(env: NodeJS.ProcessEnv): CrosswalkConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    const shown =
      issue.code === 'invalid_type' && env[name] === undefined
        ? 'is required'
        : issue.message;
    throw new ConfigError(`Invalid setting ${name}: ${shown}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.CROSSWALK_DATA_DIR,
    admin:
      c.CROSSWALK_ADMIN_EMAIL && c.CROSSWALK_ADMIN_PASSWORD
        ? {
            email: c.CROSSWALK_ADMIN_EMAIL.toLowerCase(),
            password: c.CROSSWALK_ADMIN_PASSWORD,
          }
        : undefined,
    demoEncounters: c.CROSSWALK_DEMO_ENCOUNTERS,
    cookieSecure: c.CROSSWALK_COOKIE_SECURE
      ? c.CROSSWALK_COOKIE_SECURE === 'true'
      : c.NODE_ENV === 'production' && c.HOST !== '127.0.0.1',
    uploadLimitMb: c.CROSSWALK_UPLOAD_LIMIT_MB,
    logLevel: c.LOG_LEVEL,
  };
}
