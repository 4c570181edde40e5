import type { StrategyName } from '@local-swarm/consensus';
import type { TaskFamily } from '../index';
import type { TaskObservation } from './ask-task';
import type { FederationNode } from './candidate-views';

/** How a federation-quality run was made. */
export interface FederationRunSettings {
  readonly seed: number;
  readonly factual: number;
  readonly arithmetic: number;
  readonly instances: number;
  readonly threads: number;
  readonly contextSize: number;
  readonly maxTokens: Readonly<Record<TaskFamily, number>>;
  /** Stop strings per family (the single-node eval's). */
  readonly stop: Readonly<Record<TaskFamily, readonly string[]>>;
  readonly temperature: number;
  readonly topP: number;
  readonly strategy: StrategyName;
  /** False: every request asked for n = instances, so the node let every candidate finish. */
  readonly earlyExit: boolean;
  /** weighted_vote weight of the favoured model, fixed before the run. */
  readonly priorWeight: number;
}

/** Everything a run measured; the report is computed from this alone (and can be recomputed from the saved file). */
export interface FederationRun {
  readonly settings: FederationRunSettings;
  /** The asked node first. */
  readonly nodes: readonly FederationNode[];
  /** Model id the weights favour (and the grid varies). */
  readonly favouredModel: string;
  readonly startedAt: string;
  /** Spawn of the nodes until the asked node listed the others healthy. */
  readonly readyMs: number;
  /** describeMachine() at the start. */
  readonly machine: string;
  /** CPUs each node was pinned to (same order as nodes; empty: not pinned). */
  readonly pinning: readonly (readonly number[])[];
  /** CPU cores of the machine (os.cpus().length), for the CPU-bound estimate of wall time. */
  readonly cores: number;
  readonly observations: readonly TaskObservation[];
  /** The whole run, node start to last reply. */
  readonly durationSeconds: number;
}
