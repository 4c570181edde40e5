import { localSwarmCacheDir, modelFileSha256, Swarm, SwarmError, type HardwareInfo } from '@local-swarm/swarm-core';
import type pino from 'pino';
import type { NodeConfig } from '../config';
import { toLibLogger } from '../logging/app-logger';
import { createLoadProgress } from './load-progress';
import { planSwarm, type SwarmPlan } from './plan-swarm';
import { StartupError } from './startup-error';

/** Plans and loads the local swarm with a progress bar; a model that cannot load is a StartupError. */
export async function loadSwarm(
  config: NodeConfig,
  hardware: HardwareInfo,
  nodeId: string,
  logger: pino.Logger,
): Promise<{ readonly swarm: Swarm; readonly plan: SwarmPlan }> {
  const plan = await planSwarm(config, hardware);
  for (const warning of plan.warnings) logger.warn({ reason: plan.reason }, warning);
  const modelSha256 = config.federation.enabled ? await modelHashFor(plan.modelPath, logger) : null;
  logger.info({ model: plan.modelPath, instances: plan.instances, contextSize: plan.contextSize }, 'loading model');
  const progress = createLoadProgress(process.stderr, logger);
  const swarm = await Swarm.start(
    {
      modelPath: plan.modelPath,
      modelId: plan.modelId,
      instances: plan.instances,
      contextSize: plan.contextSize,
      threads: config.threads,
      maxQueue: config.maxQueue,
      embeddingModel: config.embeddingModel,
      logger: toLibLogger(logger),
      onLoadProgress: (fraction) => progress.update(fraction),
      ...(modelSha256 !== null ? { modelSha256 } : {}),
    },
    nodeId,
  )
    .catch((error: unknown) => {
      throw error instanceof SwarmError ? new StartupError(error.message) : error;
    })
    .finally(() => progress.done());
  return { swarm, plan };
}

/**
 * The model file's SHA-256, which peers compare (a model's name is only a claim); only a federated
 * node needs it. Cached by path, size and mtime, so only the first start with a file reads it
 * whole. An `hf:` URI has no local file here: no hash, and peers compare nothing by score with it.
 */
async function modelHashFor(modelPath: string, logger: pino.Logger): Promise<string | null> {
  if (modelPath.startsWith('hf:')) return null;
  const startedAt = Date.now();
  try {
    const hash = await modelFileSha256(modelPath, localSwarmCacheDir());
    logger.info({ model: modelPath, sha256: hash, durationMs: Date.now() - startedAt }, 'model file hashed');
    return hash;
  } catch (error: unknown) {
    logger.warn({ model: modelPath, error: error instanceof Error ? error.message : String(error) }, 'model file not hashed: peers will not compare scores with it');
    return null;
  }
}
