import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { AppModule } from '../app.module';
import { createHttpApp } from '../bootstrap/create-http-app';
import { DEFAULT_NODE_CONFIG } from '../config';
import { RequestEvents } from '../observability/request-events';
import { FakeSwarm } from './fake-swarm';
import { TEST_NODE_SETTINGS } from './test-node-settings';
import type { HttpSurfaceSettings } from '../security/http-surface-settings';

export interface SurfaceTestApp {
  readonly app: NestFastifyApplication;
  readonly fastify: FastifyInstance;
  readonly swarm: FakeSwarm;
}

/**
 * The whole node app (every route, start-node's wiring) on a fake swarm, with HTTP surface
 * settings changed from the defaults, ready for `inject`. Test helper for the request guards.
 */
export async function createSurfaceTestApp(
  surface: Partial<HttpSurfaceSettings> = {},
  logger: pino.Logger = pino({ level: 'silent' }),
): Promise<SurfaceTestApp> {
  const swarm = new FakeSwarm();
  const root = AppModule.forRoot({ swarm, settings: TEST_NODE_SETTINGS, logger, events: new RequestEvents(), federation: null });
  const app = await createHttpApp(root, logger, TEST_NODE_SETTINGS.version, { ...DEFAULT_NODE_CONFIG, ...surface });
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return { app, fastify, swarm };
}

/**
 * For a describe block: one surface test app for all its tests (created before, closed after),
 * the fake swarm's requests cleared before each test. Call the returned function inside a test.
 */
export function useSurfaceTestApp(surface: Partial<HttpSurfaceSettings> = {}, logger?: pino.Logger): () => SurfaceTestApp {
  let node: SurfaceTestApp | null = null;
  beforeAll(async () => {
    node = await createSurfaceTestApp(surface, logger);
  });
  afterAll(async () => {
    await node?.app.close();
  });
  beforeEach(() => {
    node?.swarm.requests.splice(0);
  });
  return () => {
    if (node === null) throw new Error('the surface test app is not created yet');
    return node;
  };
}
