import type { BenchTable } from '@local-swarm/bench-kit';
import { readLogEntries } from '../lan/node-log';
import { sampleSpread } from '../lan/sample-spread';
import type { FederationMode } from './federation-samples';

/** Who asked B for a vote: A (its `/v1/completions` in vote mode) or the benchmark itself (`b-vote`). */
export type VoteAsker = 'A' | 'benchmark';

/** One vote B served, as its "vote served" log line tells it: milliseconds per phase. */
export interface ServedVotePhases {
  readonly asker: VoteAsker;
  readonly requestId: string;
  readonly durationMs: number;
  readonly phases: Readonly<Record<string, number>>;
}

/** The serving node's phases, in the order it runs them (a phase a mode has not, e.g. open's seal, is left out). */
export const SERVING_PHASES = ['receive', 'open', 'parse', 'tokenize', 'generate', 'reply', 'seal'] as const;

/**
 * The votes B logged as served from `from` (epoch ms) on, each with its phases; `benchRequestPrefix`
 * tells the benchmark's own votes from A's. Lines without phases (a node that does not log them)
 * are left out.
 */
export function servedVotePhases(output: string, from: number, benchRequestPrefix: string): ServedVotePhases[] {
  return readLogEntries(output).flatMap((entry) => {
    const { requestId, durationMs, phases } = entry.fields;
    if (entry.msg !== 'vote served' || entry.time < from || typeof requestId !== 'string' || typeof phases !== 'object' || phases === null) return [];
    const times = Object.fromEntries(Object.entries(phases).filter((pair): pair is [string, number] => typeof pair[1] === 'number'));
    const asker: VoteAsker = requestId.startsWith(benchRequestPrefix) ? 'benchmark' : 'A';
    return [{ asker, requestId, durationMs: typeof durationMs === 'number' ? durationMs : Number.NaN, phases: times }];
  });
}

/** Median ms of each serving phase, votes asked by A and by the benchmark side by side. */
export function servedPhaseTable(mode: FederationMode, votes: readonly ServedVotePhases[]): BenchTable {
  const askers: readonly VoteAsker[] = ['A', 'benchmark'];
  const medianOf = (asker: VoteAsker, pick: (vote: ServedVotePhases) => number | undefined): number | string => {
    const spread = sampleSpread(votes.filter((vote) => vote.asker === asker).map((vote) => pick(vote) ?? Number.NaN));
    return spread.n === 0 ? 'n/a' : Math.round(spread.median * 100) / 100;
  };
  const present = SERVING_PHASES.filter((phase) => votes.some((vote) => vote.phases[phase] !== undefined));
  return {
    title: `${mode}: where B's time went serving a vote (its "vote served" log line), median ms per phase`,
    columns: ['phase', 'asked by A (vote mode)', 'asked by the benchmark (b-vote)'],
    rows: [
      ...present.map((phase) => [phase, ...askers.map((asker) => medianOf(asker, (vote) => vote.phases[phase]))]),
      ['whole vote on B (durationMs)', ...askers.map((asker) => medianOf(asker, (vote) => vote.durationMs))],
      ['votes', ...askers.map((asker) => votes.filter((vote) => vote.asker === asker).length)],
    ],
  };
}
