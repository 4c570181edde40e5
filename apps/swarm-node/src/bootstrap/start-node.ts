import { chooseBindAddress, type BindChoice } from '@local-swarm/net-binding';
import { detectHardware, Swarm, SwarmError } from '@local-swarm/swarm-core';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { parsePeerAddress } from '@local-swarm/federation-protocol';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type pino from 'pino';
import { AppModule } from '../app.module';
import { DiscoveryService } from '../federation/discovery.service';
import { FederationModule } from '../federation/federation.module';
import { deriveNodeId } from '../federation/node-identity';
import { PeerDirectory } from '../federation/peer-directory';
import type { NodeConfig } from '../config';
import { createAppLogger, NestPinoLogger, toLibLogger } from '../logging/app-logger';
import { OpenAiExceptionFilter } from '../http/openai-exception.filter';
import { OpenAiValidationPipe } from '../http/openai-validation.pipe';
import { RequestEvents } from '../observability/request-events';
import { REQUEST_ID_HEADER, requestIdFor } from '../observability/request-id';
import { privateNetworkOnly } from '../security/private-network-only.hook';
import { ListenState, type NodeSettings } from '../core/core.tokens';
import { formatBanner } from './banner';
import { createLoadProgress } from './load-progress';
import { planSwarm } from './plan-swarm';
import { StartupError } from './startup-error';

/** Bodies above this are refused with 413 before parsing (a long chat fits in far less). */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** max_tokens of a request that names none, before clamping to what the context leaves. */
const DEFAULT_MAX_TOKENS = 256;

export interface RunningNode {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly logger: pino.Logger;
}

export function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null ? (manifest as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : '0.0.0';
}

/** Loads the model, starts the HTTP API on a safe address and prints the banner. */
export async function startNode(config: NodeConfig): Promise<RunningNode> {
  const logger = createAppLogger(config.logLevel);
  const version = readVersion();
  const bind = chooseBind(config);
  if (bind.warning !== null) logger.warn({ address: bind.address }, bind.warning);
  const federation = config.federation;
  if (federation.enabled) checkPeerAddresses(federation.peers);
  const nodeId = config.nodeId ?? nodeIdFor(bind, config.port);

  const hardware = detectHardware();
  const plan = await planSwarm(config, hardware);
  logger.info({ model: plan.modelPath, instances: plan.instances, contextSize: plan.contextSize }, 'loading model');
  const progress = createLoadProgress(process.stderr, logger);
  const swarm = await Swarm.start({
    modelPath: plan.modelPath,
    modelId: plan.modelId,
    instances: plan.instances,
    contextSize: plan.contextSize,
    threads: config.threads,
    maxQueue: config.maxQueue,
    logger: toLibLogger(logger),
    onLoadProgress: (fraction) => progress.update(fraction),
  }, nodeId)
    .catch((error: unknown) => {
      throw error instanceof SwarmError ? new StartupError(error.message) : error;
    })
    .finally(() => progress.done());

  const settings = nodeSettings(version, config, hardware.summary);
  const events = new RequestEvents();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      swarm,
      settings,
      logger,
      events,
      ...(federation.enabled
        ? {
            federation: FederationModule.forRoot({
              nodeId,
              config: federation,
              bind,
              hostname: hostname(),
              hardwareSummary: hardware.summary,
              swarm,
              settings,
              logger,
              events,
            }),
          }
        : {}),
    }),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: requestIdFor }),
    { logger: new NestPinoLogger(logger), abortOnError: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', privateNetworkOnly);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.useGlobalPipes(new OpenAiValidationPipe());
  app.useGlobalFilters(new OpenAiExceptionFilter(logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Local Swarm')
      .setDescription('OpenAI-compatible API of a Local Swarm node; every answer is chosen by consensus.')
      .setVersion(version)
      .build(),
  );
  SwaggerModule.setup('docs', app, document);

  await app.listen({ port: config.port, host: bind.address });
  const url = listeningUrl(app, bind);
  app.get(ListenState).url = url;
  const peerLines = federation.enabled ? await startFederation(app, url, federation.discovery) : [];

  process.stdout.write(
    `${formatBanner({
      version,
      modelId: plan.modelId,
      modelPath: plan.modelPath,
      instances: swarm.info.instances,
      contextSize: swarm.info.contextSize,
      sizingReason: plan.reason,
      hardwareSummary: hardware.summary,
      url,
      bindReason: bind.reason,
      bindWarning: bind.warning,
      strategy: settings.strategy,
      nodeId,
      federation: federation.enabled ? `on (mode ${settings.mode}, discovery ${federation.discovery ? 'mDNS' : 'off'})` : 'off',
      peers: peerLines,
    })}\n`,
  );
  logger.info({ url, nodeId, model: plan.modelId, instances: swarm.info.instances, strategy: settings.strategy }, 'node ready');
  return { app, url, logger };
}

/** How long start-up waits for mDNS and the first health checks, so the banner can list peers. */
const INITIAL_DISCOVERY_WAIT_MS = 1500;

/** Starts health checks and mDNS once the API listens; returns the banner's peer lines. */
async function startFederation(app: NestFastifyApplication, url: string, discovery: boolean): Promise<string[]> {
  const directory = app.get(PeerDirectory);
  const started = directory.start();
  if (!started.ok) {
    await app.close();
    throw new StartupError(started.message);
  }
  await app.get(DiscoveryService).start(Number(new URL(url).port));
  if (discovery || directory.list().length > 0) await new Promise((resolve) => setTimeout(resolve, INITIAL_DISCOVERY_WAIT_MS));
  return directory.list().map((peer) => `${peer.name} ${peer.address}:${peer.port} (${peer.source}, ${peer.status}, ${peer.node_id})`);
}

/** Manual peers are checked before the model loads, so a typo fails in a second, not after it. */
function checkPeerAddresses(peers: readonly string[]): void {
  for (const peer of peers) {
    const parsed = parsePeerAddress(peer);
    if (!parsed.ok) throw new StartupError(`--peer ${peer}: ${parsed.error.message}`);
  }
}

/**
 * A stable id from machine, address and port; with port 0 (any free port) there is nothing stable
 * to derive from, so the id is random for that run.
 */
function nodeIdFor(bind: BindChoice, port: number): string {
  if (port === 0) return `ls-${randomBytes(6).toString('hex')}`;
  return deriveNodeId({ hostname: hostname(), address: bind.address, port });
}

function nodeSettings(version: string, config: NodeConfig, hardwareSummary: string): NodeSettings {
  const { federation } = config;
  return {
    version,
    strategy: federation.enabled && federation.strategy !== null ? federation.strategy : config.strategy,
    mode: federation.mode,
    maxTokensLimit: config.maxTokensLimit,
    defaultMaxTokens: Math.min(DEFAULT_MAX_TOKENS, config.maxTokensLimit),
    hardwareSummary,
    startedAt: new Date(),
  };
}

function chooseBind(config: NodeConfig): BindChoice {
  const result = chooseBindAddress(config.host === null ? {} : { requestedHost: config.host });
  if (!result.ok) throw new StartupError(`--host: ${result.error.message}`);
  return result.choice;
}

function listeningUrl(app: NestFastifyApplication, bind: BindChoice): string {
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const host = bind.address.includes(':') ? `[${bind.address}]` : bind.address;
  return `http://${host}:${port}`;
}
