import { LlamaEngine, LoopProfile, silentLogger, Swarm } from '@local-swarm/swarm-core';
import { measureEngineSteps, type EngineStepCost } from './engine-floor';
import { measureLoopPhases, type LoopPhases } from './loop-phases';
import { measureNodeCost, type NodeCost } from './node-cost';
import { measureSwarmCost, type SwarmCost } from './swarm-cost';

/** Every figure consensus-cost measures for one model file. */
export interface ModelCost {
  readonly modelPath: string;
  readonly floor: readonly EngineStepCost[];
  readonly swarm: readonly SwarmCost[];
  readonly phases: LoopPhases;
  readonly node: readonly NodeCost[];
}

export interface ModelCostSettings {
  readonly ns: readonly number[];
  readonly tokens: number;
  readonly repetitions: number;
  readonly threads: number;
  readonly phasesN: number;
}

/**
 * One model's costs: the engine's floor (a context of exactly N sequences per N), the in-process
 * swarm (batched vs one after another), where a lock step of `phasesN` candidates goes (on an
 * engine of exactly `phasesN` sequences, the floor's shape), and the whole node over HTTP.
 */
export async function measureModelCost(modelPath: string, settings: ModelCostSettings, log: (line: string) => void): Promise<ModelCost> {
  const { ns, tokens, repetitions, threads, phasesN } = settings;
  log(`engine floor (a context of N sequences per N), N = ${ns.join(', ')}`);
  // 16 timed steps per round, five rounds at least: a step is 10-40 ms, and this machine is noisy.
  const floor = await measureEngineSteps(modelPath, ns, threads, 16, Math.max(5, repetitions));
  log(`in-process swarm, batched vs one after another, ${tokens} tokens, median of ${repetitions}`);
  const swarmCosts = await onSwarm(modelPath, Math.max(...ns), threads, undefined, (swarm) => measureSwarmCost(swarm, ns, tokens, repetitions));
  log(`in-process phases of N=${phasesN} on an engine of ${phasesN} sequences`);
  const profile = new LoopProfile();
  const phases = await onSwarm(modelPath, phasesN, threads, profile, (swarm) => measureLoopPhases(swarm, profile, phasesN, tokens, Math.max(5, repetitions)));
  log(`through the whole node (HTTP /v1/completions), one node per N, median of ${repetitions}`);
  const node = await measureNodeCost(ns, { model: modelPath, threads, maxTokens: tokens, repetitions });
  return { modelPath, floor, swarm: swarmCosts, phases, node };
}

async function onSwarm<T>(modelPath: string, sequences: number, threads: number, profile: LoopProfile | undefined, measure: (swarm: Swarm) => Promise<T>): Promise<T> {
  const engine = await LlamaEngine.load({ modelPath, sequences, contextSize: 256, threads, logger: silentLogger, ...(profile !== undefined ? { loopProfile: profile } : {}) });
  const swarm = Swarm.onEngine(engine, { modelPath, modelId: 'bench', maxQueue: 4 });
  try {
    return await measure(swarm);
  } finally {
    await swarm.stop();
  }
}
