import type { Candidate } from '@local-swarm/consensus';
import { SwarmErrorCode, type CandidateSource, type GenerationRequest, type SourceOutcome } from '@local-swarm/swarm-core';
import { FederatedSwarm } from './federated-swarm';
import { loadScore } from './load-score';
import type { NodeLoad } from './node-load';
import type { RemoteParticipant } from './remote-peers';

const REQUEST: GenerationRequest = { prompt: { kind: 'text', text: '2+3=' }, maxTokens: 4, candidates: 1 };

/** A candidate source answering with fixed texts, or failing; it counts its calls. */
class FixedSource implements CandidateSource {
  calls = 0;
  constructor(
    readonly id: string,
    private readonly texts: readonly string[] | 'fail',
    readonly load: NodeLoad = { busyInstances: 0, queuedRequests: 0, capacity: 1 },
  ) {}

  async generate(): Promise<SourceOutcome> {
    this.calls += 1;
    if (this.texts === 'fail') return { ok: false, failure: { code: SwarmErrorCode.SourceFailed, message: `${this.id} is down` } };
    const candidates = this.texts.map(
      (text, sequence): Candidate => ({ text, score: -0.5, source: this.id, sequence, model: 'm', finishReason: 'stop', latencyMs: 1 }),
    );
    return { ok: true, candidates, usage: { promptTokens: 3, completionTokens: candidates.length } };
  }
}

const participant = (source: FixedSource, inFlight = 0): RemoteParticipant => ({ nodeId: source.id, source, load: source.load, inFlight: () => inFlight });
const options = { strategy: 'majority' as const, signal: new AbortController().signal };

describe('FederatedSwarm.generateWithFederation', () => {
  it('vote: candidates of this node and every healthy peer go into one verdict', async () => {
    const local = new FixedSource('local', ['5']);
    const peers = [new FixedSource('peer-a', ['5']), new FixedSource('peer-b', ['6'])];
    const swarm = new FederatedSwarm(local, { healthySources: () => peers.map((peer) => participant(peer)) });
    const result = await swarm.generateWithFederation(REQUEST, { ...options, mode: 'vote' });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.run.sources.map((source) => source.id)).toEqual(['local', 'peer-a', 'peer-b']);
    expect(result.run.verdict.winner?.candidate.text).toBe('5');
    expect(result.run.verdict.agreement).toBeCloseTo(2 / 3);
  });

  it('vote: a failing peer contributes nothing and the answer still comes', async () => {
    const local = new FixedSource('local', ['5']);
    const swarm = new FederatedSwarm(local, { healthySources: () => [participant(new FixedSource('peer', 'fail'))] });
    const result = await swarm.generateWithFederation(REQUEST, { ...options, mode: 'vote' });
    expect(result).toMatchObject({ ok: true, run: { sources: [{ id: 'local', ok: true }, { id: 'peer', ok: false }] } });
  });

  it('no peers: local only, same result shape', async () => {
    const result = await new FederatedSwarm(new FixedSource('local', ['5'])).generateWithFederation(REQUEST, { ...options, mode: 'vote' });
    expect(result).toMatchObject({ ok: true, run: { sources: [{ id: 'local', ok: true }] } });
  });

  it('balance: the least-loaded node answers alone; this node takes over when it fails', async () => {
    const local = new FixedSource('local', ['5'], { busyInstances: 1, queuedRequests: 0, capacity: 1 });
    const idle = new FixedSource('idle-peer', 'fail', { busyInstances: 0, queuedRequests: 0, capacity: 1 });
    const swarm = new FederatedSwarm(local, { healthySources: () => [participant(idle)] });
    expect(swarm.plan('balance').sources.map((source) => source.id)).toEqual(['idle-peer']);
    const result = await swarm.generateWithFederation(REQUEST, { ...options, mode: 'balance' });
    expect(result).toMatchObject({ ok: true, run: { sources: [{ id: 'local', ok: true }] } });
    expect(idle.calls).toBe(1);
  });

  it('balance: ties and peers of unknown load stay local; requests in flight count as load', () => {
    const local = new FixedSource('local', ['5']);
    const unknown: RemoteParticipant = { nodeId: 'openai', source: new FixedSource('openai', ['x']), load: null, inFlight: () => 0 };
    const twin = new FixedSource('twin', ['5']);
    expect(new FederatedSwarm(local, { healthySources: () => [unknown, participant(twin)] }).plan('balance').sources[0]?.id).toBe('local');
    const busyLocal = new FixedSource('local', ['5'], { busyInstances: 2, queuedRequests: 0, capacity: 2 });
    expect(new FederatedSwarm(busyLocal, { healthySources: () => [participant(twin, 3)] }).plan('balance').sources[0]?.id).toBe('local');
    expect(loadScore({ busyInstances: 1, queuedRequests: 1, capacity: 4 }, 2)).toBe(1);
  });

  it("balance: a peer's capacity counts only up to its advertised instances (and 16)", () => {
    const local = new FixedSource('local', ['5'], { busyInstances: 1, queuedRequests: 0, capacity: 2 });
    const boaster = new FixedSource('boaster', ['6'], { busyInstances: 9, queuedRequests: 0, capacity: 1000 });
    const plan = (instances: number | null): string | undefined =>
      new FederatedSwarm(local, { healthySources: () => [{ ...participant(boaster), instances }] }).plan('balance').sources[0]?.id;
    expect(plan(4)).toBe('local');
    expect(plan(null)).toBe('local');
    expect(plan(1000)).toBe('local');
    const honest = new FixedSource('honest', ['6'], { busyInstances: 0, queuedRequests: 0, capacity: 8 });
    expect(new FederatedSwarm(local, { healthySources: () => [{ ...participant(honest), instances: 8 }] }).plan('balance').sources[0]?.id).toBe('honest');
  });

  it('balance: a peer that claims to be idle but votes far slower than this node gets no preference', async () => {
    const timed = (id: string, latencyMs: number, load: NodeLoad): CandidateSource & { load: NodeLoad } => ({
      id,
      load,
      generate: async () => ({
        ok: true,
        candidates: [{ text: '5', score: null, source: id, sequence: 0, model: 'm', finishReason: 'stop', latencyMs, completionTokens: 10 }],
        usage: { promptTokens: 1, completionTokens: 10 },
      }),
    });
    const local = timed('local', 100, { busyInstances: 1, queuedRequests: 0, capacity: 2 });
    const peerOf = (latencyMs: number): RemoteParticipant => {
      const source = timed('claims-idle', latencyMs, { busyInstances: 0, queuedRequests: 0, capacity: 4 });
      return { nodeId: source.id, source, load: source.load, inFlight: () => 0, instances: 4 };
    };
    const afterOneVote = async (peer: RemoteParticipant): Promise<string | undefined> => {
      const swarm = new FederatedSwarm(local, { healthySources: () => [peer] });
      await swarm.generateWithFederation(REQUEST, { ...options, mode: 'vote' });
      return swarm.plan('balance').sources[0]?.id;
    };
    expect(await afterOneVote(peerOf(150))).toBe('claims-idle');
    expect(await afterOneVote(peerOf(5000))).toBe('local');
  });

  it('passes weights to weighted_vote', async () => {
    const local = new FixedSource('local', ['5']);
    const peer = new FixedSource('heavy', ['6']);
    const swarm = new FederatedSwarm(local, { healthySources: () => [participant(peer)] }, { sourceWeights: { heavy: 1, local: 0.5 } });
    const result = await swarm.generateWithFederation(REQUEST, { ...options, strategy: 'weighted_vote', mode: 'vote' });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.run.verdict.winner?.candidate.text).toBe('6');
  });
});
