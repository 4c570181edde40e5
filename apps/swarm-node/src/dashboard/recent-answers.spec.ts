import { decide, type Candidate } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';
import type { RequestFinished } from '../observability/request-events';
import { RingBuffer, summarizeAnswer } from './recent-answers';

describe('RingBuffer', () => {
  it.each([
    { pushed: 0, expected: [] },
    { pushed: 2, expected: [2, 1] },
    { pushed: 3, expected: [3, 2, 1] },
    { pushed: 4, expected: [4, 3, 2] },
    { pushed: 10, expected: [10, 9, 8] },
  ])('keeps the newest 3 of $pushed, newest first', ({ pushed, expected }) => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= pushed; i += 1) ring.push(i);
    expect(ring.newestFirst()).toEqual(expected);
    expect(ring.size).toBe(expected.length);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses capacity %p', (capacity) => {
    expect(() => new RingBuffer(capacity)).toThrow(RangeError);
  });
});

describe('summarizeAnswer', () => {
  const candidate = (text: string, sequence: number, score: number, source = 'local'): Candidate => ({
    text,
    score,
    source,
    sequence,
    model: 'm',
    finishReason: 'stop',
    latencyMs: 10,
  });

  it('reports candidates, groups, agreement and winner as completions do', () => {
    const candidates = [candidate('5', 0, -0.9), candidate('5', 1, -0.7, 'peer-b'), candidate('six', 2, -0.1)];
    const run: ConsensusRun = {
      candidates,
      verdict: decide(candidates, { strategy: 'majority' }),
      usage: { promptTokens: 1, completionTokens: 3 },
      sources: [{ id: 'local', ok: true, candidates: 2 }],
      cancelledEarly: false,
      earlyStop: null,
    };
    const finished: RequestFinished = { requestId: 'r1', startedAt: 0, durationMs: 12, strategy: 'majority', mode: 'vote', run, error: null };
    const summary = summarizeAnswer(finished);
    expect(summary).toMatchObject({ request_id: 'r1', started_at: '1970-01-01T00:00:00.000Z', duration_ms: 12, strategy: 'majority', mode: 'vote', error: null });
    // local's 2 votes are held to peer-b's 1 (no source above half): '5' weighs 0.5 + 1 of 2.
    expect(summary.consensus?.agreement).toBe(0.75);
    expect(summary.consensus?.candidates.map((c) => [c.source, c.text, c.score, c.group === summary.consensus?.groups[0]?.key, c.dropped])).toEqual([
      ['local', '5', -0.9, true, null],
      ['peer-b', '5', -0.7, true, null],
      ['local', 'six', -0.1, false, null],
    ]);
    expect(summary.consensus?.groups.map((group) => group.members.length)).toEqual([2, 1]);
    expect([0, 1]).toContain(summary.consensus?.winner?.index);
  });

  it('keeps the error of a failed request', () => {
    const error = { status: 429, code: 'queue_full', message: 'busy' };
    const summary = summarizeAnswer({ requestId: 'r2', startedAt: 5, durationMs: 1, strategy: 'best_of_n', mode: 'vote', run: null, error });
    expect(summary).toMatchObject({ request_id: 'r2', consensus: null, error });
  });
});
