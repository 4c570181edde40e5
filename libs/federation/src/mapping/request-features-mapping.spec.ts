import { parseVoteRequest, voteRequestToWire } from '@local-swarm/federation-protocol';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { toGenerationRequest } from './to-generation-request';
import { toOpenAiCompletionRequest } from './to-openai-completion-request';
import { toVoteRequest } from './to-vote-request';
import { toVoteResponse } from './to-vote-response';

const SCHEMA = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

const FEATURED: GenerationRequest = {
  prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Weather in Paris?' }] },
  maxTokens: 32,
  candidates: 3,
  format: { kind: 'json_schema', name: 'weather', schema: SCHEMA, strict: true },
  tools: { tools: [{ name: 'get_weather', description: 'Weather of a city', parameters: SCHEMA }], choice: 'auto', parallel: true },
  controls: { presencePenalty: 0.5, frequencyPenalty: 0.25, logitBias: { 42: -100 }, logprobs: { top: 2 } },
};

describe('format, tools and controls across a peer vote', () => {
  it('toVoteRequest carries them, and the peer generates with the same ones after the wire round trip', () => {
    const vote = toVoteRequest(FEATURED, 'node-origin');
    expect(vote).toMatchObject({ format: FEATURED.format, tools: FEATURED.tools, controls: FEATURED.controls });
    const received = parseVoteRequest(voteRequestToWire(vote, 5000));
    if (!received.ok) throw new Error(received.error.message);
    const generation = toGenerationRequest(received.value, 3, 'node-peer');
    expect(generation).toMatchObject({ format: FEATURED.format, tools: FEATURED.tools, controls: FEATURED.controls });
  });

  it('leaves them out when the request has none', () => {
    const vote = toVoteRequest({ prompt: FEATURED.prompt, maxTokens: 8, candidates: 1 }, 'node-origin');
    expect(vote).not.toHaveProperty('format');
    expect(vote).not.toHaveProperty('tools');
    expect(vote).not.toHaveProperty('controls');
  });

  it('an OpenAI-compatible server gets everything but the logit bias (token ids of another model)', () => {
    const request = toOpenAiCompletionRequest(FEATURED, 'served');
    expect(request).toMatchObject({ format: FEATURED.format, tools: FEATURED.tools, controls: { presencePenalty: 0.5, frequencyPenalty: 0.25, logprobs: { top: 2 } } });
    expect(request.controls).not.toHaveProperty('logitBias');
    expect(toOpenAiCompletionRequest({ ...FEATURED, controls: { logitBias: { 1: 5 } } }, 'served')).not.toHaveProperty('controls');
  });
});

describe('toVoteResponse with tool calls and logprobs', () => {
  it("carries each candidate's calls and logprobs, and leaves an empty call list out", () => {
    const token = { token: 'a', logprob: -0.5, bytes: [97], top: [] };
    const base = { score: null, source: 'local', model: 'm', finishReason: 'stop' as const, latencyMs: 1 };
    const reply = toVoteResponse(
      {
        candidates: [
          { ...base, text: '', sequence: 0, toolCalls: [{ name: 'get_weather', arguments: '{}' }], logprobs: [token] },
          { ...base, text: 'hi', sequence: 1, toolCalls: [] },
        ],
        usage: { promptTokens: 1, completionTokens: 2 },
      },
      'node-peer',
      'm',
    );
    expect(reply.votes[0]).toMatchObject({ toolCalls: [{ name: 'get_weather', arguments: '{}' }], logprobs: [token] });
    expect(reply.votes[1]).not.toHaveProperty('toolCalls');
    expect(reply.votes[1]).not.toHaveProperty('logprobs');
  });
});
