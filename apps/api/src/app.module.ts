import { existsSync } from 'node:fs';

import { AuditModule } from '@crosswalk/api/audit';
import { AuthModule } from '@crosswalk/api/auth';
import { dataSourceOptions } from '@crosswalk/api/database';
import { EncountersModule } from '@crosswalk/api/encounters';
import { ImportsModule } from '@crosswalk/api/imports';
import { type MetricCatalogue, MetricsModule } from '@crosswalk/api/metrics';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import type { CrosswalkConfig } from './config';

@Module({})
export class AppModule {
  /**
   * @param dashboardDir the built dashboard, served on the API's port in
   *   production; absent in development (Vite serves it) and in tests.
   */
  static register(
    config: CrosswalkConfig,
    databaseUrl: string,
    metrics: MetricCatalogue,
    dashboardDir?: string,
  ): DynamicModule {
    const serveDashboard = dashboardDir && existsSync(dashboardDir);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Session tokens and credentials never reach the log.
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
            autoLogging: {
              ignore: (req) =>
                req.url !== '/graphql' && !req.url?.startsWith('/api/'),
            },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({
            req,
            res,
          }),
          // Callers get a message and a code; unexpected failures (database
          // errors and the like) are logged by Nest and reach callers as a
          // plain internal error, with no internals.
          formatError: ({ message, locations, path, extensions }) => {
            const code = String(
              extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR',
            );
            return code === 'INTERNAL_SERVER_ERROR'
              ? {
                  message: 'Internal server error.',
                  locations,
                  path,
                  extensions: { code },
                }
              : { message, locations, path, extensions: { code } };
          },
        }),
        AuditModule,
        AuthModule.register({ cookieSecure: config.cookieSecure }),
        EncountersModule,
        ImportsModule.register({ uploadLimitMb: config.uploadLimitMb }),
        MetricsModule.register(metrics),
        ...(serveDashboard
          ? [
              ServeStaticModule.forRoot({
                rootPath: dashboardDir,
                exclude: ['/graphql', '/api/{*path}'],
              }),
            ]
          : []),
      ],
    };
  }
}
