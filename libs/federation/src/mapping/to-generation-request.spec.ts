import { asPeerId, FEDERATION_PROTOCOL_VERSION, type ReceivedVoteRequest } from '@local-swarm/federation-protocol';
import { nodeSeed } from './node-seed';
import { toGenerationRequest } from './to-generation-request';

const RECEIVED: ReceivedVoteRequest = {
  protocol: FEDERATION_PROTOCOL_VERSION,
  requestId: 'req-1',
  originNodeId: asPeerId('node-origin'),
  hops: 1,
  deadlineMs: 10_000,
  prompt: { kind: 'text', text: 'Once' },
  maxTokens: 32,
};

describe('toGenerationRequest', () => {
  it('votes with every instance by default, at most with every instance when asked', () => {
    expect(toGenerationRequest(RECEIVED, 3, 'node-self')).toEqual({ prompt: RECEIVED.prompt, maxTokens: 32, candidates: 3, requestId: 'req-1' });
    expect(toGenerationRequest({ ...RECEIVED, candidates: 2 }, 3, 'node-self').candidates).toBe(2);
    expect(toGenerationRequest({ ...RECEIVED, candidates: 64 }, 3, 'node-self').candidates).toBe(3);
  });

  it("copies the sampling fields and makes the seed this node's own", () => {
    const generation = toGenerationRequest({ ...RECEIVED, temperature: 0, topP: 0.9, seed: 42, stop: ['END'], json: true }, 3, 'node-self');
    expect(generation).toMatchObject({ temperature: 0, topP: 0.9, seed: nodeSeed(42, 'node-self'), stop: ['END'], json: true });
    expect(nodeSeed(42, 'node-self')).not.toBe(nodeSeed(42, 'node-other'));
    expect(toGenerationRequest({ ...RECEIVED, json: false }, 3, 'node-self')).not.toHaveProperty('json');
  });
});
