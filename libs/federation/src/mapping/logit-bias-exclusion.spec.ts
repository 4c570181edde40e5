import { logitBiasExclusion } from './logit-bias-exclusion';

const SHA = 'a'.repeat(64);
const BIASED = { controls: { logitBias: { 42: -100 } } };

describe('logitBiasExclusion', () => {
  it('lets every peer vote on a request without a logit bias', () => {
    expect(logitBiasExclusion({}, null, null)).toBeNull();
    expect(logitBiasExclusion({ controls: { logitBias: {}, presencePenalty: 1 } }, 'b'.repeat(64), SHA)).toBeNull();
  });

  it('lets a peer with the same model file vote on a biased request', () => {
    expect(logitBiasExclusion(BIASED, SHA, SHA)).toBeNull();
  });

  it.each([
    ['another model file', 'b'.repeat(64), SHA],
    ["a peer whose file is unknown", null, SHA],
    ["this node's file unknown", SHA, null],
    ['both unknown (an OpenAI-compatible server)', null, null],
  ])('leaves out %s', (_name, peer, local) => {
    expect(logitBiasExclusion(BIASED, peer, local)).toMatch(/logit_bias/);
  });
});
