import type { VoteServed } from '../observability/request-events';
import { ServedVotes } from './served-votes';

const AT = Date.parse('2025-06-01T12:00:00.000Z');

function vote(requestId: string, overrides: Partial<VoteServed> = {}): VoteServed {
  return {
    requestId,
    originNodeId: 'ls-peer-a',
    clientIp: '10.0.0.7',
    candidates: 3,
    durationMs: 420,
    maxTokensAsked: 64,
    maxTokensGranted: 64,
    error: null,
    ...overrides,
  };
}

describe('ServedVotes', () => {
  it('summarises a vote with when it was served and whether max tokens were reduced', () => {
    const votes = new ServedVotes();
    expect(votes.record(vote('r1', { maxTokensAsked: 4096, maxTokensGranted: 512 }), AT)).toEqual({
      request_id: 'r1',
      origin_node_id: 'ls-peer-a',
      client_ip: '10.0.0.7',
      at: '2025-06-01T12:00:00.000Z',
      candidates: 3,
      duration_ms: 420,
      max_tokens_asked: 4096,
      max_tokens_granted: 512,
      clamped: true,
      error: null,
    });
    expect(votes.record(vote('r2'), AT).clamped).toBe(false);
  });

  it('counts served and refused votes since start', () => {
    const votes = new ServedVotes();
    votes.record(vote('r1'));
    votes.record(vote('r2', { candidates: 0, error: { status: 400, code: 'context_length_exceeded' } }));
    votes.record(vote('r3'));
    expect(votes.state()).toMatchObject({ served: 2, refused: 1 });
    expect(votes.state().recent.map((summary) => [summary.request_id, summary.error?.code ?? null])).toEqual([
      ['r3', null],
      ['r2', 'context_length_exceeded'],
      ['r1', null],
    ]);
  });

  it('keeps only the last ones, however many a peer asks for', () => {
    const votes = new ServedVotes(3);
    for (let i = 0; i < 10; i += 1) votes.record(vote(`r${i}`));
    expect(votes.state().served).toBe(10);
    expect(votes.state().recent.map((summary) => summary.request_id)).toEqual(['r9', 'r8', 'r7']);
  });
});
