import { FEDERATION_PROTOCOL_VERSION, parseVoteRequest, SEAL_PROTOCOL_VERSION } from '@local-swarm/federation-protocol';
import { completionBody, readVoteReply, voteRequestBody, type GenerationSpec } from './vote-request';

const SPEC: GenerationSpec = { prompt: 'Counting: 1, 2, 3,', maxTokens: 32, temperature: 0.7, topP: 0.95, seed: 11, candidates: 1 };

describe('completionBody', () => {
  it('asks for the same prompt, length, sampling and seed', () => {
    expect(completionBody(SPEC)).toEqual({ prompt: 'Counting: 1, 2, 3,', max_tokens: 32, temperature: 0.7, top_p: 0.95, seed: 11 });
  });
});

describe('voteRequestBody', () => {
  it('is a vote request the protocol accepts, carrying the same generation', () => {
    const body = voteRequestBody(SPEC, 'bench-a', 'bench-vote-1');
    expect(body).toMatchObject({ protocol: FEDERATION_PROTOCOL_VERSION, origin_node_id: 'bench-a', hops: 1, max_tokens: 32, seed: 11, candidates: 1 });
    const parsed = parseVoteRequest(body);
    expect(parsed.ok).toBe(true);
  });
  it('carries protocol 2 for a sealed vote, which a paired node accepts', () => {
    const body = voteRequestBody(SPEC, 'ls-aaaaaaaaaaaaaaaaaaaaaaaaaa', 'bench-vote-1', { protocol: SEAL_PROTOCOL_VERSION });
    expect(body.protocol).toBe(SEAL_PROTOCOL_VERSION);
    expect(parseVoteRequest(body, SEAL_PROTOCOL_VERSION).ok).toBe(true);
  });
});

describe('readVoteReply', () => {
  it('sums the completion tokens of the votes', () => {
    const body = {
      protocol: 1,
      node_id: 'bench-b',
      model_id: 'm',
      votes: [{ text: '8, 9', completion_tokens: 32 }, { text: '8', completion_tokens: 30 }],
      usage: { prompt_tokens: 29, completion_tokens: 62 },
    };
    expect(readVoteReply(body)).toEqual({ nodeId: 'bench-b', votes: 2, completionTokens: 62 });
  });
  it.each([[null], [{ error: { message: 'x' } }], [{ node_id: 'b', votes: [{}] }]])('is null for %j', (body) => {
    expect(readVoteReply(body)).toBeNull();
  });
});
