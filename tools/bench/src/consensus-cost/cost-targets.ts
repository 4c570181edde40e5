import type { BenchTable } from '@local-swarm/bench-kit';
import { formatRatio } from './cost-table';
import type { LoopPhases } from './loop-phases';

/** Most a batch of 4 and of 8 candidates may cost, in candidates' worth of one, through the node. */
export const CANDIDATE_COST_TARGETS: readonly { readonly n: number; readonly ratio: number }[] = [
  { n: 4, ratio: 1.3 },
  { n: 8, ratio: 1.6 },
];
/** How far above the engine's decode+sample step the loop's step may be. */
export const LOOP_FLOOR_MARGIN = 0.1;

const verdict = (met: boolean): string => (met ? 'met' : 'not met');

/**
 * The targets as the report states them, each met or not met: N candidates vs one through the
 * node (in process alongside), and the loop's step vs the engine's decode+sample step on the same
 * sequences, timed right after each run (the median of the runs' ratios). A figure that was not
 * measured (N not in the run) reads "not measured".
 */
export function targetLines(ratios: { viaNode: (n: number) => number; batched: (n: number) => number }, phases: LoopPhases): string[] {
  const lines = CANDIDATE_COST_TARGETS.map(({ n, ratio }) => {
    const measured = ratios.viaNode(n);
    if (!Number.isFinite(measured)) return `Target ${n} candidates ≤ ${ratio}x one: not measured (N=${n} not in this run).`;
    return `Target ${n} candidates ≤ ${ratio}x one: through the node **${formatRatio(measured)}**, **${verdict(measured <= ratio)}** (in process ${formatRatio(ratios.batched(n))}).`;
  });
  const over = phases.overFloor;
  lines.push(
    `Target loop within ${LOOP_FLOOR_MARGIN * 100} % of the floor (N=${phases.n}): a lock step took ${phases.loopMs.toFixed(1)} ms vs ${phases.floorMs.toFixed(1)} ms for the engine's decode+sample step on the same sequences right after (${over >= 0 ? '+' : ''}${(over * 100).toFixed(1)} %, median of the runs), **${verdict(over <= LOOP_FLOOR_MARGIN + 1e-9)}**.`,
  );
  return lines;
}

/** The loop's step phase by phase, beside the engine's own decode+sample step on the same sequences. */
export function phaseTable(phases: LoopPhases, repetitions: number): BenchTable {
  const share = (ms: number): number => Number(((ms / phases.loopMs) * 100).toFixed(1));
  const row = (name: string, ms: number): (string | number)[] => [name, Number(ms.toFixed(2)), share(ms)];
  return {
    title: `Where a lock step of N=${phases.n} goes (ms per step, median of ${repetitions} runs of ${phases.steps} steps)`,
    columns: ['phase', 'ms per step', '% of the loop'],
    rows: [
      row('engine floor: decode+sample step, same sequences, right after each run', phases.floorMs),
      row('awaiting the next tokens (decode+sample in node-llama-cpp)', phases.waitMs),
      row('detokenize, stop strings, logprobs, settling', phases.textMs),
      row('the rest of the loop', phases.restMs),
      row('whole loop', phases.loopMs),
      ['early-exit checks (isVoteDecided, per run, not per step)', Number(phases.voteCheckMs.toFixed(3)), Number(((phases.voteCheckMs / (phases.loopMs * phases.steps)) * 100).toFixed(3))],
    ],
  };
}
