import { detectHardware } from '@local-swarm/swarm-core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { hostname } from 'node:os';
import type pino from 'pino';
import { AppModule } from '../app.module';
import type { NodeConfig } from '../config';
import { ListenState } from '../core/core.tokens';
import { createAppLogger } from '../logging/app-logger';
import { RequestEvents } from '../observability/request-events';
import { startPeers } from '../peers/start-peers';
import { checkBindExposure, readNodeApiKey } from './api-access';
import { formatBanner } from './banner';
import { checkPeerAddresses } from './check-peer-addresses';
import { createHttpApp } from './create-http-app';
import { loadSwarm } from './load-swarm';
import { chooseBind, listeningUrl, nodeIdFor } from './node-address';
import { nodeSettings } from './node-settings';
import { ownVersion } from '../config/own-version';
import { startPairing } from '../pairing/start-pairing';
import { readOpenAiPeerKeys } from './openai-peer-keys';

export interface RunningNode {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly logger: pino.Logger;
}

/** Loads the model, starts the HTTP API on a safe address, starts the peers and prints the banner. */
export async function startNode(config: NodeConfig): Promise<RunningNode> {
  const logger = createAppLogger(config.logLevel);
  const version = ownVersion();
  const bind = chooseBind(config);
  const apiKey = readNodeApiKey(config);
  checkBindExposure(bind, apiKey);
  if (bind.warning !== null) logger.warn({ address: bind.address }, bind.warning);
  const federation = config.federation;
  if (federation.enabled) checkPeerAddresses(federation);
  const displayName = config.nodeId ?? nodeIdFor(bind, config.port);
  const pairing = federation.enabled ? startPairing(federation) : null;
  // Paired, the node id is the identity's (no node can claim another's); --node-id stays a display name.
  const nodeId = pairing?.membership?.identity.nodeId ?? displayName;

  const hardware = detectHardware();
  const { swarm, plan } = await loadSwarm(config, hardware, nodeId, logger);
  const settings = nodeSettings(version, config, hardware.summary, nodeId);
  const root = AppModule.forRoot({
    swarm,
    settings,
    logger,
    events: new RequestEvents(),
    federation:
      pairing === null
        ? null
        : {
            nodeId,
            config: federation,
            bind,
            hostname: hostname(),
            hardwareSummary: hardware.summary,
            openAiKeys: readOpenAiPeerKeys(federation.openaiPeerKeyFiles),
            ...pairing.federationOptions,
          },
  });
  const app = await createHttpApp(root, logger, version, apiKey === null ? config : { ...config, apiKey });

  await app.listen({ port: config.port, host: bind.address });
  const url = listeningUrl(app, bind);
  app.get(ListenState).url = url;
  const peerLines = await startPeers(app, Number(new URL(url).port));

  process.stdout.write(
    `${formatBanner({
      version,
      modelId: plan.modelId,
      modelPath: plan.modelPath,
      instances: swarm.info.instances,
      contextSize: swarm.info.contextSize,
      sizingReason: plan.reason,
      sizingWarnings: plan.warnings,
      hardwareSummary: hardware.summary,
      url,
      bindReason: bind.reason,
      bindWarning: bind.warning,
      strategy: settings.strategy,
      nodeId: nodeId === displayName ? nodeId : `${nodeId} (name ${displayName})`,
      federation: pairing === null ? 'off' : `${pairing.trustLine}, mode ${settings.mode}, discovery ${federation.discovery ? 'mDNS' : 'off'}`,
      peers: peerLines,
      notes: pairing?.notes ?? [],
    })}\n`,
  );
  logger.info({ url, nodeId, model: plan.modelId, instances: swarm.info.instances, strategy: settings.strategy }, 'node ready');
  return { app, url, logger };
}
