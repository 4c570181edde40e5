import 'reflect-metadata';
import {
  FEDERATION_PATHS,
  FEDERATION_PROTOCOL_VERSION,
  type PeerHealthWire,
  type PeerLoadWire,
  type PeerVoteWire,
  type VoteResponseWire,
} from '@local-swarm/federation-protocol';
import type { BindChoice } from '@local-swarm/net-binding';
import type { Swarm } from '@local-swarm/swarm-core';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { AppModule } from '../app.module';
import { DEFAULT_NODE_CONFIG, type FederationConfig } from '../config';
import { FederationModule } from '../federation/federation.module';
import type { FederationOptions } from '../federation/federation.tokens';
import { PeerDirectory } from '../federation/peer-directory';
import { RequestEvents } from '../observability/request-events';
import { OpenAiExceptionFilter } from '../http/openai-exception.filter';
import { OpenAiValidationPipe } from '../http/openai-validation.pipe';
import { privateNetworkOnly } from '../security/private-network-only.hook';
import type { NodeSettings } from '../core/core.tokens';
import type { FakeSwarm } from './fake-swarm';
import { sendJson, startTestHttpServer, type TestHttpServer } from './test-http-server';

/**
 * A full FederationConfig from the defaults, federation on and mDNS discovery OFF (tests never
 * open multicast sockets), health rounds slow enough that only explicit checks run.
 */
export function federationConfig(overrides: Partial<FederationConfig> = {}): FederationConfig {
  return { ...DEFAULT_NODE_CONFIG.federation, enabled: true, discovery: false, healthIntervalMs: 60_000, ...overrides };
}

/** Bound to loopback, no interface: discovery would not start even if asked. */
export const LOOPBACK_BIND: BindChoice = {
  address: '127.0.0.1',
  addressClass: 'loopback',
  interfaceName: null,
  reason: 'test',
  warning: null,
};

export const TEST_NODE_ID = 'node-self';

export function federationOptions(overrides: Partial<FederationOptions> = {}): FederationOptions {
  return {
    nodeId: TEST_NODE_ID,
    config: federationConfig(),
    bind: LOOPBACK_BIND,
    hostname: 'test-host',
    hardwareSummary: 'test hardware',
    ...overrides,
  };
}

export function silentLogger(): pino.Logger {
  return pino({ level: 'silent' });
}

/** A PeerDirectory outside Nest (never started unless the test starts it: no health checks, no sockets). */
export function newPeerDirectory(options: FederationOptions = federationOptions(), events: RequestEvents = new RequestEvents()): PeerDirectory {
  return new PeerDirectory(options, silentLogger(), events);
}

export const TEST_SETTINGS: NodeSettings = {
  version: '9.9.9-test',
  strategy: 'majority',
  mode: 'vote',
  maxTokensLimit: 512,
  defaultMaxTokens: 256,
  hardwareSummary: 'test hardware',
  startedAt: new Date(Date.now() - 1000),
};

export function peerLoadWire(overrides: Partial<PeerLoadWire> = {}): PeerLoadWire {
  return { busy_instances: 0, capacity: 3, queued_requests: 0, max_queue: 8, ...overrides };
}

/** A valid `GET /v1/federation/health` reply. */
export function peerHealthWire(nodeId: string, load: PeerLoadWire = peerLoadWire()): PeerHealthWire {
  return { node_id: nodeId, version: '0.1.0', protocol: FEDERATION_PROTOCOL_VERSION, model_id: 'peer-model', instances: load.capacity, load };
}

export function peerVoteWire(nodeId: string, sequence: number, text: string, overrides: Partial<PeerVoteWire> = {}): PeerVoteWire {
  return {
    text,
    score: -0.25,
    finish_reason: 'stop',
    completion_tokens: 4,
    latency_ms: 33,
    node_id: nodeId,
    model_id: 'peer-model',
    sequence,
    ...overrides,
  };
}

/** A valid `POST /v1/federation/vote` reply with two votes. */
export function voteResponseWire(nodeId: string, votes?: PeerVoteWire[]): VoteResponseWire {
  return {
    protocol: FEDERATION_PROTOCOL_VERSION,
    node_id: nodeId,
    model_id: 'peer-model',
    votes: votes ?? [peerVoteWire(nodeId, 0, 'four'), peerVoteWire(nodeId, 1, '4', { score: null, finish_reason: 'length', completion_tokens: 1 })],
    usage: { prompt_tokens: 21, completion_tokens: 5 },
  };
}

/** A federation peer that answers health checks as `nodeId` (and 404 to anything else). */
export function startHealthyPeer(nodeId: string, load?: PeerLoadWire): Promise<TestHttpServer> {
  return startTestHttpServer((request, response) => {
    if (request.method === 'GET' && request.url === FEDERATION_PATHS.health) sendJson(response, 200, peerHealthWire(nodeId, load));
    else sendJson(response, 404, { error: { message: 'not here', type: 'not_found_error', param: null, code: null } });
  });
}

export interface FederatedTestApp {
  readonly app: NestFastifyApplication;
  readonly fastify: FastifyInstance;
  readonly directory: PeerDirectory;
  readonly events: RequestEvents;
}

/**
 * The app as bootstrap/start-node.ts wires it with `--federation`, on a fake swarm, without
 * listening (requests go through `fastify.inject`). The directory is not started: call
 * `directory.start()` where a test needs health checks; close the app to stop them.
 */
export async function createFederatedApp(
  swarm: FakeSwarm,
  options: { readonly nodeId?: string; readonly config?: FederationConfig } = {},
): Promise<FederatedTestApp> {
  const logger = silentLogger();
  const events = new RequestEvents();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      swarm: swarm as unknown as Swarm,
      settings: TEST_SETTINGS,
      logger,
      events,
      federation: FederationModule.forRoot({
        ...federationOptions({ nodeId: options.nodeId ?? TEST_NODE_ID, config: options.config ?? federationConfig() }),
        swarm,
        settings: TEST_SETTINGS,
        logger,
        events,
      }),
    }),
    new FastifyAdapter(),
    { logger: false, abortOnError: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', privateNetworkOnly);
  app.useGlobalPipes(new OpenAiValidationPipe());
  app.useGlobalFilters(new OpenAiExceptionFilter(logger));
  await app.init();
  await fastify.ready();
  return { app, fastify, directory: app.get(PeerDirectory), events };
}
