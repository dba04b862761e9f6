import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { PasswordService, SESSION_COOKIE } from '@crosswalk/api/auth';
import { UserEntity, workspaceRoot } from '@crosswalk/api/database';
import { MetricCatalogue } from '@crosswalk/api/metrics';
import type { Role } from '@crosswalk/domain';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import { DataSource } from 'typeorm';

import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config';

export interface GraphqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestApp {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    cookie?: string,
  ): Promise<GraphqlResponse<T> & { setCookie: string | null }>;
  /** Creates a user with the role and returns a session cookie for them. */
  signIn(
    role: Role,
    agencyId?: string | null,
  ): Promise<{ cookie: string; userId: string; setCookie: string }>;
  close(): Promise<void>;
}

/**
 * The real API (AppModule) on a random port against the run's test database.
 * @param env settings on top of the test defaults, e.g. a small upload limit.
 */
export async function createTestApp(
  env: NodeJS.ProcessEnv = {},
): Promise<TestApp> {
  const databaseUrl = process.env['CROSSWALK_TEST_DATABASE_URL'];
  if (!databaseUrl)
    throw new Error(
      'CROSSWALK_TEST_DATABASE_URL is set by the integration global setup',
    );
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const app = await NestFactory.create(
    AppModule.register(
      config,
      databaseUrl,
      MetricCatalogue.load(join(workspaceRoot(), 'metrics-definitions')),
    ),
    { logger: false },
  );
  app.use(cookieParser());
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const dataSource = app.get(DataSource);

  const graphql: TestApp['graphql'] = async (query, variables, cookie) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      ...(await response.json()),
      setCookie: response.headers.get('set-cookie'),
    };
  };

  const signIn: TestApp['signIn'] = async (role, agencyId = null) => {
    const email = `${role}-${randomUUID()}@example.org`;
    const password = `pw-${randomUUID()}`;
    const user = await dataSource.getRepository(UserEntity).save({
      email,
      displayName: role,
      role,
      agencyId,
      passwordHash: await app.get(PasswordService).hash(password),
    });
    const result = await graphql(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
      { email, password },
    );
    const token = result.setCookie?.match(
      new RegExp(`${SESSION_COOKIE}=([^;]+)`),
    )?.[1];
    if (!token)
      throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return {
      cookie: `${SESSION_COOKIE}=${token}`,
      userId: user.id,
      setCookie: result.setCookie ?? '',
    };
  };

  return { app, url, dataSource, graphql, signIn, close: () => app.close() };
}
