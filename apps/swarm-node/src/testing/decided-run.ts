import type { Candidate, Verdict } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';

function candidate(text: string, sequence: number, completionTokens: number): Candidate {
  return { text, score: -0.5, source: 'local', sequence, model: 'm', finishReason: 'stop', latencyMs: 10, completionTokens };
}

/**
 * A decided local run for response tests: "Paris is nice" (6 tokens) ranks above "Lyon"
 * (2 tokens); the prompt is 9 tokens and the vote generated 8.
 */
export function decidedRun(): ConsensusRun {
  const candidates = [candidate('Paris is nice', 0, 6), candidate('Lyon', 1, 2)];
  const ranking = candidates.map((entry, index) => ({ index, candidate: entry, groupKey: entry.text, weight: 1 }));
  const verdict: Verdict = {
    requestedStrategy: 'majority',
    strategy: 'majority',
    winner: ranking[0] ?? null,
    ranking,
    groups: [],
    agreement: 0.5,
    lowConfidence: false,
    askedFor: 2,
    validCount: 2,
    dropReasons: {},
    entropy: Math.LN2,
    valid: true,
    dropped: [],
    notes: [],
  };
  return {
    candidates,
    verdict,
    usage: { promptTokens: 9, completionTokens: 8 },
    sources: [{ id: 'local', ok: true, candidates: 2, usage: { promptTokens: 9, completionTokens: 8 } }],
    cancelledEarly: false,
    earlyStop: null,
  };
}
