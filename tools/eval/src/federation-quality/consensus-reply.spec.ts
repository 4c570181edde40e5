import { readConsensusReply } from './consensus-reply';

/** A reply as apps/swarm-node's buildConsensusMetadata shapes it (fields this eval does not read left out). */
function nodeReply(candidates: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content: 'Paris' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 30, completion_tokens: 12, total_tokens: 42 },
    consensus: {
      strategy: 'majority',
      early_stop: null,
      winner: { source: 'fq-b', index: 1, sequence: 0 },
      candidates,
      sources: [
        { id: 'fq-a', ok: true, candidates: 1, error: null },
        { id: 'fq-b', ok: true, candidates: 1, error: null },
        { id: 'fq-c', ok: false, candidates: 0, error: 'peer fq-c: timed out' },
      ],
      ...extra,
    },
  };
}

const wireCandidate = (source: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  index: 0,
  source,
  sequence: 0,
  model: 'SmolLM2-135M-Instruct.Q4_1',
  text,
  score: -0.31,
  finish_reason: 'stop',
  latency_ms: 1200,
  completion_tokens: 6,
  group: 'text:paris',
  dropped: null,
  ...extra,
});

describe('readConsensusReply', () => {
  it('rebuilds every candidate as decide() takes it, with the node verdict and sources', () => {
    const read = readConsensusReply(nodeReply([wireCandidate('fq-a', 'Lyon'), wireCandidate('fq-b', 'Paris', { score: null, finish_reason: 'length', completion_tokens: null })]));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.candidates).toEqual([
      { text: 'Lyon', score: -0.31, source: 'fq-a', sequence: 0, model: 'SmolLM2-135M-Instruct.Q4_1', finishReason: 'stop', latencyMs: 1200, completionTokens: 6 },
      { text: 'Paris', score: null, source: 'fq-b', sequence: 0, model: 'SmolLM2-135M-Instruct.Q4_1', finishReason: 'length', latencyMs: 1200 },
    ]);
    expect(read.value.verdict).toEqual({ strategy: 'majority', winnerIndex: 1, answer: 'Paris', earlyStop: null });
    expect(read.value.sources[2]).toEqual({ id: 'fq-c', ok: false, candidates: 0, error: 'peer fq-c: timed out' });
    expect(read.value.completionTokens).toBe(12);
  });

  it('keeps cancelled candidates and the early stop', () => {
    const read = readConsensusReply(nodeReply([wireCandidate('fq-a', 'Par', { finish_reason: 'cancelled' })], { early_stop: 'vote_decided' }));
    expect(read.ok && read.value.candidates[0]?.finishReason).toBe('cancelled');
    expect(read.ok && read.value.verdict.earlyStop).toBe('vote_decided');
  });

  it.each([
    ['an error body', { error: { message: 'every instance is busy' } }, /error reply: every instance is busy/],
    ['a reply without consensus', { choices: [], usage: {} }, /no consensus/],
    ['not an object', 'nope', /not a JSON object/],
  ])('refuses %s', (_, body, reason) => {
    const read = readConsensusReply(body);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it('refuses a candidate with an unknown finish reason rather than guessing', () => {
    const read = readConsensusReply(nodeReply([wireCandidate('fq-a', 'Paris', { finish_reason: 'done' })]));
    expect(read.ok).toBe(false);
  });
});
