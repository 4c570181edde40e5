import { LlamaEngine, LoopProfile, silentLogger, Swarm } from '@local-swarm/swarm-core';
import { measureEngineSteps, stepRoundMs, type EngineStepCost } from './engine-floor';
import { measureLoopPhases, type LoopPhases } from './loop-phases';
import { measureNodeCost, type NodeCost } from './node-cost';
import { COUNTING_PROMPT, measureSwarmCost, type SwarmCost } from './swarm-cost';

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
  log(`in-process swarm of N instances per N, batched vs one after another, ${tokens} tokens, median of ${repetitions}`);
  let swarmCosts: SwarmCost[];
  const swarms = new Map<number, Swarm>();
  try {
    for (const n of ns) swarms.set(n, (await swarmOf(modelPath, n, threads)).swarm);
    const swarmFor = (n: number): Swarm => {
      const swarm = swarms.get(n);
      if (swarm === undefined) throw new RangeError(`no swarm of ${n} instances`);
      return swarm;
    };
    swarmCosts = await measureSwarmCost(swarmFor, ns, tokens, repetitions);
  } finally {
    for (const swarm of swarms.values()) await swarm.stop();
  }
  log(`in-process phases of N=${phasesN} on an engine of ${phasesN} sequences`);
  const profile = new LoopProfile();
  const { engine: phasesEngine, swarm: phasesSwarm } = await swarmOf(modelPath, phasesN, threads, profile);
  // The floor on the swarm's own sequences, between its runs (the swarm is idle then).
  const prompt = phasesEngine.tokenize(COUNTING_PROMPT);
  const floorStepMs = (): Promise<number> => stepRoundMs(phasesEngine.sequences, prompt, 'sample', 16);
  const phases = await measureLoopPhases(phasesSwarm, profile, { n: phasesN, maxTokens: tokens, repetitions: Math.max(5, repetitions), floorStepMs }).finally(() => phasesSwarm.stop());
  log(`through the whole node (HTTP /v1/completions), one node per N, median of ${repetitions}`);
  const node = await measureNodeCost(ns, { model: modelPath, threads, maxTokens: tokens, repetitions });
  return { modelPath, floor, swarm: swarmCosts, phases, node };
}

/** A swarm of `sequences` instances on its own engine (reporting into `profile` when given); the engine is the swarm's, stopped with it. */
async function swarmOf(modelPath: string, sequences: number, threads: number, profile?: LoopProfile): Promise<{ engine: LlamaEngine; swarm: Swarm }> {
  const engine = await LlamaEngine.load({ modelPath, sequences, contextSize: 256, threads, logger: silentLogger, ...(profile !== undefined && { loopProfile: profile }) });
  return { engine, swarm: Swarm.onEngine(engine, { modelPath, modelId: 'bench', maxQueue: 4 }) };
}
