import { asPeerId, FEDERATION_PROTOCOL_VERSION, type ReceivedVoteRequest } from '@local-swarm/federation-protocol';
import { clampVoteRequest } from './clamp-vote-request';

const asked: ReceivedVoteRequest = {
  protocol: FEDERATION_PROTOCOL_VERSION,
  hops: 1,
  requestId: 'req-1',
  originNodeId: asPeerId('node-origin'),
  prompt: { kind: 'text', text: 'hi' },
  maxTokens: 4096,
  deadlineMs: 600_000,
  candidates: 3,
};

describe('clampVoteRequest', () => {
  it("lowers max tokens and the deadline to the node's limits, keeping everything else", () => {
    expect(clampVoteRequest(asked, { maxTokens: 512, deadlineMs: 30_000 })).toEqual({ ...asked, maxTokens: 512, deadlineMs: 30_000 });
  });

  it('leaves a request within the limits as it is', () => {
    expect(clampVoteRequest({ ...asked, maxTokens: 64, deadlineMs: 5000 }, { maxTokens: 512, deadlineMs: 30_000 })).toEqual({
      ...asked,
      maxTokens: 64,
      deadlineMs: 5000,
    });
  });
});
