import type { Candidate } from '@local-swarm/consensus';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { screenReplyCandidates } from './screen-reply-candidates';

const TOOLS: GenerationRequest['tools'] = { tools: [{ name: 'get_weather' }, { name: 'now' }], choice: 'auto', parallel: false };
const REQUEST = { maxTokens: 4, tools: TOOLS, controls: { logprobs: { top: 1 } } };
const TOKEN = { token: 'a', logprob: -0.5, bytes: [97], top: [{ token: 'a', logprob: -0.5, bytes: [97] }] };

function candidate(overrides: Partial<Candidate>): Candidate {
  return { text: '', score: null, source: 'peer', sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 1, ...overrides };
}

describe('screenReplyCandidates', () => {
  it('keeps calls to offered tools and logprobs within what was asked', () => {
    const kept = candidate({ toolCalls: [{ name: 'now', arguments: '{}' }], logprobs: [TOKEN, TOKEN, TOKEN, TOKEN] });
    expect(screenReplyCandidates([kept], REQUEST)).toEqual({ kept: [kept], violations: [] });
  });

  type Asked = Pick<GenerationRequest, 'tools' | 'controls' | 'maxTokens'>;

  it.each<[string, Partial<Candidate>, Asked]>([
    ['a call when no tools were offered', { toolCalls: [{ name: 'now', arguments: '{}' }] }, { maxTokens: 4 }],
    ["a call when the choice is 'none'", { toolCalls: [{ name: 'now', arguments: '{}' }] }, { ...REQUEST, tools: { ...TOOLS, choice: 'none' } }],
    ['a call to a tool not offered', { toolCalls: [{ name: 'rm_rf', arguments: '{}' }] }, REQUEST],
    ['a call to another tool than the named one', { toolCalls: [{ name: 'now', arguments: '{}' }] }, { ...REQUEST, tools: { ...TOOLS, choice: { name: 'get_weather' } } }],
    ['two calls when parallel calls are off', { toolCalls: [{ name: 'now', arguments: '{}' }, { name: 'now', arguments: '{}' }] }, REQUEST],
    ['more logprobs than max_tokens', { logprobs: [TOKEN, TOKEN, TOKEN, TOKEN, TOKEN] }, REQUEST],
    ['more top logprobs than asked', { logprobs: [{ ...TOKEN, top: [TOKEN, TOKEN] }] }, REQUEST],
  ])('drops a candidate with %s as a violation, keeping the others', (_name, bad, request) => {
    const good = candidate({ text: 'fine', sequence: 1 });
    const screened = screenReplyCandidates([candidate(bad), good], request);
    expect(screened.kept).toEqual([good]);
    expect(screened.violations).toEqual([expect.stringMatching(/dropped$/)]);
  });

  it('drops logprobs nobody asked for without a violation', () => {
    const screened = screenReplyCandidates([candidate({ logprobs: [TOKEN] })], { maxTokens: 4 });
    expect(screened.kept[0]?.logprobs).toBeUndefined();
    expect(screened.violations).toEqual([]);
  });
});
