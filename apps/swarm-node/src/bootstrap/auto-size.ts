import {
  batchingWarning,
  chooseSizeByCost,
  chooseSwarmSize,
  estimateModelMemory,
  probeStepCost,
  readWeightType,
  type HardwareInfo,
} from '@local-swarm/swarm-core';

/** How `--auto` sized the swarm, and what the banner should warn about. */
export interface AutoSize {
  readonly instances: number;
  readonly contextSize: number;
  readonly reason: string;
  /** Banner and log warnings: a probe that failed, or weights that batch poorly. */
  readonly warnings: readonly string[];
}

export interface AutoSizeRequest {
  /** A local GGUF file (never an `hf:` URI: nothing to probe before it is fetched). */
  readonly modelPath: string;
  /** The user named the model (`--model`): only then is advice about its weight type actionable. */
  readonly userModel: boolean;
  readonly contextSize: number;
  readonly threads: number | null;
  readonly hardware: HardwareInfo;
}

/** What auto sizing reads from the machine and the file; replaced in specs. */
export interface AutoSizeProbes {
  readonly estimateModelMemory: typeof estimateModelMemory;
  readonly probeStepCost: typeof probeStepCost;
  readonly readWeightType: typeof readWeightType;
}

/** A native error can quote a whole path or header; the banner line stays readable. */
const MAX_ERROR_CHARS = 200;

const REAL_PROBES: AutoSizeProbes = { estimateModelMemory, probeStepCost, readWeightType };

/**
 * Memory and cores give the most instances that fit (chooseSwarmSize); a short timed probe then
 * keeps the largest odd count whose extra candidates stay cheap (chooseSizeByCost). A probe that
 * fails must not stop the node: the memory-based size stands, with a warning saying why.
 */
export async function autoSize(request: AutoSizeRequest, probes: AutoSizeProbes = REAL_PROBES): Promise<AutoSize> {
  const memory = await probes.estimateModelMemory(request.modelPath);
  const size = chooseSwarmSize({
    freeMemoryBytes: request.hardware.freeMemoryBytes,
    cpuCores: request.hardware.cpuCores,
    contextSize: request.contextSize,
    ...memory,
  });
  const bySize = { instances: size.instances, contextSize: size.contextSize, reason: `--auto: ${size.reason}` };
  if (size.instances === 1) return { ...bySize, warnings: [] };
  try {
    const counts = Array.from({ length: (size.instances + 1) / 2 }, (_, index) => 2 * index + 1);
    const probe = await probes.probeStepCost({ modelPath: request.modelPath, counts, threads: request.threads });
    const choice = chooseSizeByCost({ measured: probe.costs, memoryCap: size.instances });
    // An unreadable header only costs the advice, never the measured size.
    const weights = request.userModel ? await probes.readWeightType(request.modelPath).catch(() => null) : null;
    const warning = weights === null ? null : batchingWarning({ ...weights, choice });
    return {
      instances: choice.instances,
      contextSize: size.contextSize,
      reason: `--auto: ${choice.reason}`,
      warnings: warning === null ? [] : [warning],
    };
  } catch (error: unknown) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_CHARS);
    return { ...bySize, warnings: [`--auto could not measure decode cost (${message}); sized by memory only`] };
  }
}
