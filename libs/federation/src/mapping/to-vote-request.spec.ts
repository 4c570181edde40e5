import type { GenerationRequest } from '@local-swarm/swarm-core';
import { toVoteRequest } from './to-vote-request';

const ORIGIN = 'node-origin';

const CHAT: GenerationRequest = {
  prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 2?' }] },
  maxTokens: 32,
  candidates: 3,
};

describe('toVoteRequest', () => {
  it('sets hops 1 and the origin node id, and copies prompt and max tokens', () => {
    const vote = toVoteRequest(CHAT, ORIGIN);
    expect(vote).toEqual({ requestId: expect.any(String), originNodeId: ORIGIN, hops: 1, prompt: CHAT.prompt, maxTokens: 32 });
    expect(vote.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('copies every sampling field that is set', () => {
    const vote = toVoteRequest({ ...CHAT, temperature: 0, topP: 0.5, seed: 0, stop: ['\n', 'END'], json: true }, ORIGIN);
    expect(vote).toMatchObject({ hops: 1, temperature: 0, topP: 0.5, seed: 0, stop: ['\n', 'END'], json: true });
  });

  it('leaves unset fields absent (not undefined) and drops json: false', () => {
    const vote = toVoteRequest({ prompt: { kind: 'text', text: 'Once' }, maxTokens: 5, candidates: 1, json: false }, ORIGIN);
    expect(Object.keys(vote).sort()).toEqual(['hops', 'maxTokens', 'originNodeId', 'prompt', 'requestId']);
    expect(vote.prompt).toEqual({ kind: 'text', text: 'Once' });
  });

  it('does not ask the peer for a number of candidates (it votes with its own instances)', () => {
    expect(toVoteRequest({ ...CHAT, candidates: 2 }, ORIGIN)).not.toHaveProperty('candidates');
  });

  it("sends the caller's request id, so one request can be followed through every node's log", () => {
    expect(toVoteRequest({ ...CHAT, requestId: 'req-abc' }, ORIGIN).requestId).toBe('req-abc');
  });

  it('gives every request without an id its own', () => {
    expect(toVoteRequest(CHAT, ORIGIN).requestId).not.toBe(toVoteRequest(CHAT, ORIGIN).requestId);
  });
});
