import 'reflect-metadata';
import { PeerDirectory } from '@local-swarm/federation';
import type { SwarmMembership } from '@local-swarm/federation-protocol';
import type { BindChoice } from '@local-swarm/net-binding';
import type { Swarm } from '@local-swarm/swarm-core';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { AppModule } from '../app.module';
import { BLOCKABLE_NODE_ID } from '../pairing/block-list';
import { DEFAULT_NODE_CONFIG, type FederationConfig } from '../config';
import { OpenAiExceptionFilter } from '../http/openai-exception.filter';
import { OpenAiValidationPipe } from '../http/openai-validation.pipe';
import { RequestEvents } from '../observability/request-events';
import { createPeerDirectory } from '../peers/create-peer-directory';
import type { FederationOptions } from '../peers/federation-options';
import { privateNetworkOnly } from '../security/private-network-only.hook';
import type { FakeSwarm } from './fake-swarm';
import { TEST_NODE_SETTINGS } from './test-node-settings';

/**
 * A full FederationConfig from the defaults, federation on and mDNS discovery OFF (tests never
 * open multicast sockets), health rounds slow enough that only explicit checks run. Test peers
 * listen on 127.0.0.1, so loopback peers are allowed (`--allow-loopback-peers`; a node refuses
 * them by default): specs of that default pass `allowLoopbackPeers: false`.
 */
export function federationConfig(overrides: Partial<FederationConfig> = {}): FederationConfig {
  return { ...DEFAULT_NODE_CONFIG.federation, enabled: true, discovery: false, healthIntervalMs: 60_000, allowLoopbackPeers: true, ...overrides };
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
    // Open federation (unsealed protocol 1) unless a spec pairs the node.
    membership: null,
    ...overrides,
  };
}

export function silentLogger(): pino.Logger {
  return pino({ level: 'silent' });
}

/** The node's PeerDirectory outside Nest (never started unless the test starts it: no health checks, no sockets). */
export function newPeerDirectory(options: FederationOptions = federationOptions(), events: RequestEvents = new RequestEvents()): PeerDirectory {
  return createPeerDirectory(options, silentLogger(), events);
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
  options: {
    readonly nodeId?: string;
    readonly config?: FederationConfig;
    readonly membership?: SwarmMembership | null;
    readonly logger?: pino.Logger;
    /** The block list, as a set the spec reads and writes; absent: no block list. */
    readonly blocked?: Set<string>;
  } = {},
): Promise<FederatedTestApp> {
  const logger = options.logger ?? silentLogger();
  const events = new RequestEvents();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      swarm: swarm as unknown as Swarm,
      settings: TEST_NODE_SETTINGS,
      logger,
      events,
      federation: federationOptions({
        // Paired, the node id is the identity's, as start-node.ts makes it.
        nodeId: options.nodeId ?? options.membership?.identity.nodeId ?? TEST_NODE_ID,
        config: options.config ?? federationConfig(),
        membership: options.membership ?? null,
        ...(options.blocked !== undefined && blockListOf(options.blocked)),
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

/** FederationOptions' block list over a set; like the real one, it refuses what is not a node id. */
function blockListOf(blocked: Set<string>): Pick<FederationOptions, 'isBlocked' | 'block'> {
  return { isBlocked: (nodeId) => blocked.has(nodeId), block: (nodeId) => BLOCKABLE_NODE_ID.test(nodeId) && blocked.add(nodeId).has(nodeId) };
}
