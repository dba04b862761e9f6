// Prints the GraphQL schema (SDL) the API serves, without a database, for the
// dashboard's generated types (`npm run codegen`). The resolvers are the ones
// AppModule registers; the schema is built the way GraphQLModule builds it.
import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { workspaceRoot } from '@crosswalk/api/database';
import { MetricCatalogue } from '@crosswalk/api/metrics';
import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  RESOLVER_NAME_METADATA,
} from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

import { AppModule } from './app.module';
import { loadConfig } from './config';

type ModuleRef = Type | DynamicModule | ForwardReference;

/** Every resolver class in the module tree, found from module metadata. */
function resolversOf(root: ModuleRef): Type[] {
  const resolvers = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = (ref: ModuleRef | undefined): void => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    if ('forwardRef' in ref) return visit(ref.forwardRef());
    const dynamic = 'module' in ref ? ref : undefined;
    const type = dynamic ? dynamic.module : (ref as Type);
    const providers: unknown[] = [
      ...(Reflect.getMetadata('providers', type) ?? []),
      ...(dynamic?.providers ?? []),
    ];
    for (const provider of providers) {
      const cls =
        typeof provider === 'function'
          ? provider
          : (provider as { useClass?: unknown }).useClass;
      if (
        typeof cls === 'function' &&
        Reflect.hasMetadata(RESOLVER_NAME_METADATA, cls)
      )
        resolvers.add(cls as Type);
    }
    for (const child of [
      ...(Reflect.getMetadata('imports', type) ?? []),
      ...(dynamic?.imports ?? []),
    ])
      visit(child as ModuleRef);
  };
  visit(root);
  return [...resolvers];
}

async function main() {
  const app = AppModule.register(
    loadConfig({ LOG_LEVEL: 'silent' }),
    'postgres://unused', // never connected: nothing is instantiated
    MetricCatalogue.load(join(workspaceRoot(), 'metrics-definitions')),
  );
  const context = await NestFactory.createApplicationContext(
    GraphQLSchemaBuilderModule,
    { logger: false },
  );
  const schema = await context
    .get(GraphQLSchemaFactory)
    .create(resolversOf(app));
  await context.close();
  const sdl = printSchema(lexicographicSortSchema(schema)) + '\n';
  const out = process.argv[2];
  if (out) writeFileSync(out, sdl);
  else process.stdout.write(sdl);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
