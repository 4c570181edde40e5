import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { AppModule } from '../app.module';
import { createHttpApp } from '../bootstrap/create-http-app';
import { RequestEvents } from '../observability/request-events';
import type { FakeSwarm } from './fake-swarm';
import { TEST_NODE_SETTINGS } from './test-node-settings';

/** An app under test and its Fastify instance (for `inject`). */
export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly fastify: FastifyInstance;
}

/**
 * The app as start-node creates it (hooks, pipes, filters, Swagger), on the given root module,
 * silent, not listening: call `ready()` to use `inject`, or `app.listen()` for real HTTP.
 */
export async function createTestApp(root: DynamicModule): Promise<TestApp & { ready(): Promise<void> }> {
  const app = await createHttpApp(root, pino({ level: 'silent' }), TEST_NODE_SETTINGS.version);
  const fastify = app.getHttpAdapter().getInstance();
  return {
    app,
    fastify,
    ready: async () => {
      await app.init();
      await fastify.ready();
    },
  };
}

/** The whole node app (every route, no federation) on `swarm`, ready for `inject`. */
export async function createFakeSwarmApp(swarm: FakeSwarm): Promise<TestApp> {
  const created = await createTestApp(
    AppModule.forRoot({ swarm, settings: TEST_NODE_SETTINGS, logger: pino({ level: 'silent' }), events: new RequestEvents(), federation: null }),
  );
  await created.ready();
  return created;
}
