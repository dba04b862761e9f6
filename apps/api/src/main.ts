import 'reflect-metadata';

import { join } from 'node:path';

import { UsersService } from '@crosswalk/api/auth';
import { startDatabase, workspaceRoot } from '@crosswalk/api/database';
import { MetricCatalogue } from '@crosswalk/api/metrics';
import { MetricRollups } from '@crosswalk/metrics/rollups';
import { MetricDefinitionError } from '@crosswalk/metrics/spec';
import { isDatabaseEmpty, seedDemoData } from '@crosswalk/seeds';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config';

async function main() {
  const config = loadConfig(process.env);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  // A bad metric definition stops the start, naming file, line and rule.
  const metrics = MetricCatalogue.load(
    join(workspaceRoot(), 'metrics-definitions'),
  );
  const database = await startDatabase({ log: say });
  const dashboardDir =
    config.env === 'production'
      ? join(workspaceRoot(), 'dist/dashboard')
      : undefined;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, database.url, metrics, dashboardDir),
    // Framework start-up chatter stays out of the start log; once running, pino logs.
    { logger: ['fatal', 'error', 'warn'] },
  );
  app.useLogger(app.get(Logger));
  app.use(cookieParser());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await app.close();
      await database.stop();
      process.exit(0);
    });
  }

  const dataSource = app.get(DataSource);
  if (config.demoEncounters > 0 && (await isDatabaseEmpty(dataSource))) {
    say(
      `Empty database: loading ${config.demoEncounters.toLocaleString('en-US')} demo encounters...`,
    );
    await seedDemoData(dataSource, {
      encounters: config.demoEncounters,
      seed: 1,
      log: say,
    });
  }
  const rebuilt = await app.get(MetricRollups).ensureCurrent(dataSource);
  if (rebuilt.length)
    say(
      `Built the metric rollups of ${rebuilt.length} agenc${rebuilt.length === 1 ? 'y' : 'ies'}.`,
    );
  const admin = await app.get(UsersService).ensureInitialAdmin(config.admin);

  await app.listen(config.port, config.host);
  const url = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  say(`Crosswalk is running at ${url} (GraphQL at ${url}/graphql)`);
  if (admin?.generatedPassword) {
    say(`Sign in as ${admin.email} with password ${admin.generatedPassword}`);
    say(
      'This password is shown once. Set CROSSWALK_ADMIN_EMAIL and CROSSWALK_ADMIN_PASSWORD to choose your own.',
    );
  } else if (admin) {
    say(
      `Sign in as ${admin.email} with the password from CROSSWALK_ADMIN_PASSWORD.`,
    );
  } else {
    say(
      'Sign in with the admin account created on first start (its password was printed then).',
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof MetricDefinitionError ? error.message : `Crosswalk failed to start: ${(error as Error)?.stack ?? String(error)}`}\n`,
  );
  process.exit(1);
});
