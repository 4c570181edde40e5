import { fitVoteReply } from './fit-vote-reply';
import type { PeerVoteWire, VoteResponseWire } from './vote-response.dto';

const token = (text: string): { token: string; logprob: number; bytes: number[]; top: { token: string; logprob: number; bytes: number[] }[] } => ({
  token: text,
  logprob: -0.5,
  bytes: [...Buffer.from(text)],
  top: Array.from({ length: 20 }, (_, i) => ({ token: `alt${i}`, logprob: -1 - i, bytes: [...Buffer.from(`alt${i}`)] })),
});

const vote = (sequence: number, tokens: number): PeerVoteWire => ({
  text: 'x'.repeat(tokens),
  score: -0.5,
  finish_reason: 'stop',
  completion_tokens: tokens,
  latency_ms: 10,
  node_id: 'ls-peer',
  model_id: 'm',
  sequence,
  logprobs: Array.from({ length: tokens }, () => token('x')),
});

const reply = (votes: PeerVoteWire[]): VoteResponseWire => ({ protocol: 2, node_id: 'ls-peer', model_id: 'm', votes, usage: { prompt_tokens: 1, completion_tokens: 1 } });
const size = (wire: VoteResponseWire): number => Buffer.byteLength(JSON.stringify(wire));

describe('fitVoteReply', () => {
  it('leaves a reply that fits as it is', () => {
    const wire = reply([vote(0, 10)]);
    expect(fitVoteReply(wire, 1_000_000)).toEqual({ wire, trimmed: null });
  });

  it('drops the alternatives first, keeping each token and its own logprob', () => {
    const wire = reply([vote(0, 200), vote(1, 200)]);
    const fitted = fitVoteReply(wire, size(wire) / 3);
    expect(fitted.trimmed).toBe('the top alternatives of every token');
    expect(fitted.wire.votes.every((entry) => entry.logprobs?.length === 200 && entry.logprobs.every((t) => t.top.length === 0 && t.logprob === -0.5))).toBe(true);
    expect(size(fitted.wire)).toBeLessThanOrEqual(size(wire) / 3);
  });

  it('then the logprobs of votes from the last back, never texts, until it fits', () => {
    const wire = reply([vote(0, 500), vote(1, 500), vote(2, 500)]);
    const withoutTop = size(fitVoteReply(wire, size(wire) - 1).wire);
    const fitted = fitVoteReply(wire, withoutTop - 1);
    expect(fitted.wire.votes.map((entry) => entry.logprobs === undefined)).toEqual([false, false, true]);
    expect(fitted.wire.votes.map((entry) => entry.text.length)).toEqual([500, 500, 500]);
    expect(fitted.trimmed).toBe('the top alternatives of every token, and the logprobs of 1 vote(s)');
    expect(size(fitted.wire)).toBeLessThan(withoutTop);
  });
});
