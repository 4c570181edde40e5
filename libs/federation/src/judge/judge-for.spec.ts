import type { Candidate } from '@local-swarm/consensus';
import { SwarmErrorCode, type CandidateSource, type SourceOutcome } from '@local-swarm/swarm-core';
import type { RemotePeers } from '../federated-swarm/remote-peers';
import { judgeFor } from './judge-for';

function source(id: string, outcome: (id: string) => SourceOutcome): CandidateSource & { calls: number } {
  const counted = {
    id,
    calls: 0,
    generate: async (): Promise<SourceOutcome> => {
      counted.calls += 1;
      return outcome(id);
    },
  };
  return counted;
}

const answers = (id: string): SourceOutcome => {
  const reply: Candidate = { text: 'Response 1', score: null, source: id, sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 1 };
  return { ok: true, candidates: [reply], usage: { promptTokens: 1, completionTokens: 1 } };
};
const fails = (): SourceOutcome => ({ ok: false, failure: { code: SwarmErrorCode.EngineFailed, message: 'boom' } });

function peersOf(...sources: CandidateSource[]): RemotePeers {
  return { healthySources: () => sources.map((peer) => ({ nodeId: peer.id, source: peer, load: null, inFlight: () => 0 })) };
}

const call = { maxTokens: 48, signal: new AbortController().signal };

describe('judgeFor', () => {
  it('no judge peer configured: this node judges', async () => {
    const local = source('local', answers);
    expect(await judgeFor(local, peersOf(), null).judge('p', call)).toMatchObject({ ok: true, reply: { source: 'local' } });
  });

  it('a healthy judge peer judges, this node does not', async () => {
    const local = source('local', answers);
    const big = source('big-node', answers);
    expect(await judgeFor(local, peersOf(big), 'big-node').judge('p', call)).toMatchObject({ ok: true, reply: { source: 'big-node' } });
    expect(local.calls).toBe(0);
  });

  it('a judge peer that fails: this node judges, and the note says why', async () => {
    const reply = await judgeFor(source('local', answers), peersOf(source('big-node', fails)), 'big-node').judge('p', call);
    expect(reply).toMatchObject({ ok: true, reply: { source: 'local' }, note: 'judge peer "big-node" failed (boom): "local" judged instead' });
  });

  it('an unknown or unhealthy judge peer: this node judges, saying so', async () => {
    const reply = await judgeFor(source('local', answers), peersOf(), 'gone-node').judge('p', call);
    expect(reply).toMatchObject({ ok: true, reply: { source: 'local' }, note: expect.stringContaining('not a healthy peer now') });
  });
});
