import { Swarm, SwarmError, type HardwareInfo } from '@local-swarm/swarm-core';
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
      logger: toLibLogger(logger),
      onLoadProgress: (fraction) => progress.update(fraction),
    },
    nodeId,
  )
    .catch((error: unknown) => {
      throw error instanceof SwarmError ? new StartupError(error.message) : error;
    })
    .finally(() => progress.done());
  return { swarm, plan };
}
