import { DEFAULT_MODEL, defaultModelPath, type HardwareInfo } from '@local-swarm/swarm-core';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_INSTANCES, type NodeConfig } from '../config';
import { autoSize } from './auto-size';
import { StartupError } from './startup-error';

/** Which model and how many instances this node will run, and why. */
export interface SwarmPlan {
  readonly modelPath: string;
  readonly modelId: string;
  readonly instances: number;
  readonly contextSize: number;
  readonly reason: string;
  /** What sizing warns about (banner and log); empty when nothing. */
  readonly warnings: readonly string[];
}

/** Resolves `--model` (default: the fetched SmolLM2) and checks the file is there. */
export function resolveModel(config: Pick<NodeConfig, 'model'>): { modelPath: string; modelId: string } {
  if (config.model === null) {
    const modelPath = defaultModelPath();
    if (!existsSync(modelPath)) {
      throw new StartupError(
        `the default model is not in the cache (${modelPath}); run "bash tools/scripts/setup.sh" or pass --model <file.gguf>`,
      );
    }
    return { modelPath, modelId: DEFAULT_MODEL.id };
  }
  if (config.model.startsWith('hf:')) return { modelPath: config.model, modelId: config.model.slice('hf:'.length) };
  if (!existsSync(config.model)) throw new StartupError(`--model: no such file: ${config.model}`);
  return { modelPath: config.model, modelId: basename(config.model).replace(/\.gguf$/i, '') };
}

/**
 * Instances and context: explicit flags win; `--auto` sizes from free memory, cores and the
 * model's GGUF insights, then by the measured cost of batched steps (autoSize); otherwise the
 * documented default of 3 instances.
 */
export async function planSwarm(config: NodeConfig, hardware: HardwareInfo): Promise<SwarmPlan> {
  const { modelPath, modelId } = resolveModel(config);
  if (config.instances !== null) {
    return { modelPath, modelId, instances: config.instances, contextSize: config.contextSize, reason: 'set by --instances', warnings: [] };
  }
  if (config.auto && !modelPath.startsWith('hf:')) {
    const size = await autoSize({ modelPath, userModel: config.model !== null, contextSize: config.contextSize, threads: config.threads, hardware });
    return { modelPath, modelId, ...size };
  }
  return { modelPath, modelId, instances: DEFAULT_INSTANCES, contextSize: config.contextSize, reason: 'default', warnings: [] };
}
