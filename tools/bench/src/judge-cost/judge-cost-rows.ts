import { median } from '@local-swarm/bench-kit';

/** One timed request under one strategy. */
export interface JudgeRunSample {
  readonly strategy: string;
  readonly ms: number;
  /** The strategy applied (a judged one falls back to majority when its judge is not heeded). */
  readonly applied: string;
  /** Tokens the judge wrote; 0 when no judge was asked. */
  readonly judgeTokens: number;
  /** True when a judge was asked (more than one answer group). */
  readonly judgeAsked: boolean;
}

export interface JudgeCostRow {
  readonly strategy: string;
  readonly runs: number;
  readonly medianMs: number;
  /** Median latency over the baseline's (the first strategy's). */
  readonly ratio: number;
  readonly judgeAsked: number;
  /** Runs where the judged strategy was applied as asked (not a fallback). */
  readonly heeded: number;
  readonly medianJudgeTokens: number;
}

/** Per strategy, in the order first seen: median latency, its ratio to the first strategy's, how often the judge spoke and was heeded. */
export function judgeCostRows(samples: readonly JudgeRunSample[]): JudgeCostRow[] {
  const strategies = [...new Set(samples.map((sample) => sample.strategy))];
  const rows = strategies.map((strategy) => {
    const runs = samples.filter((sample) => sample.strategy === strategy);
    const asked = runs.filter((sample) => sample.judgeAsked);
    return {
      strategy,
      runs: runs.length,
      medianMs: median(runs.map((sample) => sample.ms)),
      judgeAsked: asked.length,
      heeded: runs.filter((sample) => sample.applied === strategy).length,
      medianJudgeTokens: asked.length === 0 ? 0 : median(asked.map((sample) => sample.judgeTokens)),
    };
  });
  const baseline = rows[0]?.medianMs ?? Number.NaN;
  return rows.map((row) => ({ ...row, ratio: row.medianMs / baseline }));
}
