import type { Candidate, RankedCandidate, Verdict } from '@local-swarm/consensus';
import type { ConsensusRun, SourceReport } from '@local-swarm/swarm-core';
import { candidateTokens, returnedCompletionTokens } from './returned-tokens';

function candidate(source: string, sequence: number, completionTokens: number | undefined): Candidate {
  return { text: `answer ${sequence}`, score: null, source, sequence, model: 'm', finishReason: 'stop', latencyMs: 1, ...(completionTokens === undefined ? {} : { completionTokens }) };
}

/** Ranking in the order given; only the parts these functions read. */
function run(candidates: readonly Candidate[], sources: readonly SourceReport[]): ConsensusRun {
  const ranking: RankedCandidate[] = candidates.map((entry, index) => ({ index, candidate: entry, groupKey: entry.text, weight: 1 }));
  const verdict = { ranking } as Pick<Verdict, 'ranking'> as Verdict;
  const completionTokens = sources.reduce((sum, source) => sum + (source.usage?.completionTokens ?? 0), 0);
  return { candidates, verdict, usage: { promptTokens: 10, completionTokens }, sources, cancelledEarly: false, earlyStop: null };
}

describe('returnedCompletionTokens', () => {
  const local = [candidate('local', 0, 7), candidate('local', 1, 3), candidate('local', 2, 11)];
  const localRun = run(local, [{ id: 'local', ok: true, candidates: 3, usage: { promptTokens: 10, completionTokens: 21 } }]);

  it('counts only the returned choices, the top of the ranking', () => {
    expect(returnedCompletionTokens(localRun, 1)).toBe(7);
    expect(returnedCompletionTokens(localRun, 2)).toBe(10);
    expect(returnedCompletionTokens(localRun, 3)).toBe(21);
  });

  it("credits a candidate without its own count an even share of its source's total", () => {
    const first = candidate('openai-peer', 0, undefined);
    const peerRun = run([first, candidate('openai-peer', 1, undefined)], [{ id: 'openai-peer', ok: true, candidates: 2, usage: { promptTokens: 10, completionTokens: 12 } }]);
    expect(candidateTokens(peerRun, first)).toBe(6);
    expect(returnedCompletionTokens(peerRun, 1)).toBe(6);
  });

  it('counts 0 for a candidate whose source reported no usage', () => {
    const orphan = candidate('peer-gone', 0, undefined);
    expect(candidateTokens(run([orphan], [{ id: 'peer-gone', ok: true, candidates: 1 }]), orphan)).toBe(0);
  });
});
