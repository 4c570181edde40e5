import type { CandidateSource, GenerationRequest, SourceOutcome } from '@local-swarm/swarm-core';
import { FederatedSwarm } from './federated-swarm';
import { startedAfterPeers } from './started-after-peers';

const REQUEST: GenerationRequest = { prompt: { kind: 'text', text: '2+3=' }, maxTokens: 4, candidates: 1 };
const ANSWER = (id: string): SourceOutcome => ({
  ok: true,
  candidates: [{ text: '5', score: -0.5, source: id, sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 1 }],
  usage: { promptTokens: 3, completionTokens: 1 },
});

describe('a vote starts this node after its peers', () => {
  it("enters this node's source only once a peer has sent its request (microtasks and next ticks, as an HTTP client does)", async () => {
    const events: string[] = [];
    const local = {
      id: 'local',
      load: { busyInstances: 0, queuedRequests: 0, capacity: 1 },
      generate: async (): Promise<SourceOutcome> => (events.push('local started'), ANSWER('local')),
    };
    const peer: CandidateSource = {
      id: 'peer',
      generate: async () => {
        await Promise.resolve();
        await new Promise<void>((resolve) => process.nextTick(resolve));
        events.push('peer request sent');
        return ANSWER('peer');
      },
    };
    const swarm = new FederatedSwarm(local, { healthySources: () => [{ nodeId: 'peer', source: peer, load: null, instances: 1, inFlight: () => 0 }] });
    const result = await swarm.generateWithFederation(REQUEST, { strategy: 'majority', signal: new AbortController().signal, mode: 'vote' });
    expect(events).toEqual(['peer request sent', 'local started']);
    // Only the start moved: this node is still the first source.
    expect(result.ok && result.run.sources.map((source) => source.id)).toEqual(['local', 'peer']);
  });

  it('keeps the id and forwards expectedCandidates', () => {
    const local = { id: 'local', generate: async () => ANSWER('local'), expectedCandidates: (request: GenerationRequest) => request.candidates ?? 0 };
    const started = startedAfterPeers(local);
    expect(started.id).toBe('local');
    expect(started.expectedCandidates?.(REQUEST)).toBe(1);
  });
});
