import type { ConsensusRun } from '@local-swarm/swarm-core';
import { Counter, type Registry } from 'prom-client';
import { returnedCompletionTokens } from '../openai/responses/returned-tokens';
import { METRIC_PREFIX } from './metric-prefix';

/** Where candidate tokens came from: this node's instances or a peer (never a peer's id: peers come and go). */
const SOURCE_KINDS = ['local', 'peer'] as const;
type SourceKind = (typeof SOURCE_KINDS)[number];


/**
 * Registers the token counters and returns what records an answered request: what every source
 * generated for the vote, and the part the client got back (`choices`, OpenAI's `n`).
 * `localSourceId` is the id this node's own candidates carry (its node id on a real node).
 */
export function registerTokenMetrics(registry: Registry, localSourceId: string): (run: ConsensusRun, choices: number) => void {
  const sourceKind = (sourceId: string): SourceKind => (sourceId === localSourceId ? 'local' : 'peer');
  const registers = [registry];
  const generated: Counter<'source'> = new Counter({
    name: `${METRIC_PREFIX}generated_tokens_total`,
    help: 'Completion tokens generated over all candidates of answered requests, by source kind (local instances or peers).',
    labelNames: ['source'] as const,
    registers,
  });
  // Both series from the first scrape, so a sum over them works before the first peer vote.
  for (const source of SOURCE_KINDS) generated.inc({ source }, 0);
  const returned = new Counter({
    name: `${METRIC_PREFIX}returned_tokens_total`,
    help: 'Completion tokens of the choices returned to clients (their usage.completion_tokens).',
    registers,
  });
  return (run, choices) => {
    for (const source of run.sources) {
      if (source.usage !== undefined) generated.inc({ source: sourceKind(source.id) }, source.usage.completionTokens);
    }
    returned.inc(returnedCompletionTokens(run, choices));
  };
}
