import type { ConsensusRun } from '@local-swarm/swarm-core';

/** What one candidate source spent on a request. */
export interface SourceUsage {
  readonly source: string;
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
}

/**
 * What the whole vote cost: every source reads the prompt and generates its candidates, though
 * the client gets only the chosen ones (those are `usage`).
 */
export interface ConsensusUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  /** Each source that answered, in the run's order (a failed source reports nothing). */
  readonly by_source: readonly SourceUsage[];
}

export function buildConsensusUsage(run: ConsensusRun): ConsensusUsage {
  const bySource = run.sources.flatMap((source) =>
    source.usage === undefined
      ? []
      : [{ source: source.id, prompt_tokens: source.usage.promptTokens, completion_tokens: source.usage.completionTokens }],
  );
  const promptTokens = bySource.reduce((sum, entry) => sum + entry.prompt_tokens, 0);
  const completionTokens = bySource.reduce((sum, entry) => sum + entry.completion_tokens, 0);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens, by_source: bySource };
}
