import type { Candidate } from '@local-swarm/consensus';
import type { GenerationRequest } from '../generation/generation-request';
import type { CandidateSource, CandidateSourceCallOptions, SourceOutcome } from '../sources/candidate-source';
import { SwarmErrorCode } from '../errors/swarm-errors';
import { runConsensus } from './consensus-runner';

/**
 * A source that sends its answers one by one, `stepMs` apart, like instances finishing at
 * different times; on abort the rest come back cancelled, as Swarm's do.
 */
class StreamingSource implements CandidateSource {
  readonly sent: string[] = [];
  constructor(
    readonly id: string,
    private readonly texts: readonly string[],
    private readonly knowsItsCount = true,
    private readonly stepMs = 5,
  ) {}

  expectedCandidates?(request: GenerationRequest): number;

  static counting(id: string, texts: readonly string[]): StreamingSource {
    const source = new StreamingSource(id, texts);
    source.expectedCandidates = () => texts.length;
    return source;
  }

  async generate(_request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> {
    const candidates: Candidate[] = [];
    for (const [sequence, text] of this.texts.entries()) {
      if (!call.signal.aborted) await new Promise((resolve) => setTimeout(resolve, this.stepMs));
      const cancelled = call.signal.aborted;
      const candidate: Candidate = {
        text: cancelled ? '' : text,
        score: -0.5,
        source: this.id,
        sequence,
        model: 'm',
        finishReason: cancelled ? 'cancelled' : 'stop',
        latencyMs: call.elapsedMs(),
        completionTokens: cancelled ? 1 : 4,
      };
      if (!cancelled) this.sent.push(text);
      candidates.push(candidate);
      if (!cancelled) call.onCandidate?.(candidate);
    }
    return { ok: true, candidates, usage: { promptTokens: 3, completionTokens: candidates.length } };
  }
}

const REQUEST: GenerationRequest = { prompt: { kind: 'text', text: 'capital of France?' }, maxTokens: 8, candidates: 5 };
const run = (sources: readonly CandidateSource[], strategy: 'majority' | 'weighted_vote' | 'best_of_n', earlyExit?: boolean) =>
  runConsensus(REQUEST, sources, {
    strategy,
    signal: new AbortController().signal,
    ...(earlyExit !== undefined ? { earlyExit } : {}),
  });

describe('runConsensus early exit', () => {
  it('lets work queued with the last reply run before the verdict comes back (decide() gets a turn of its own)', async () => {
    // decide() on many long candidates takes tens of ms: it must not share a turn of the event
    // loop with parsing the last reply, nor with writing the answer (health checks wait on both).
    const order: string[] = [];
    const replying: CandidateSource = {
      id: 'peer',
      generate: async (): Promise<SourceOutcome> => {
        setImmediate(() => order.push('work queued with the last reply'));
        return { ok: true, candidates: [{ text: 'Paris', score: null, source: 'peer', sequence: 0, model: 'm', finishReason: 'stop', latencyMs: 1, completionTokens: 1 }], usage: { promptTokens: 1, completionTokens: 1 } };
      },
    };
    const outcome = run([replying], 'majority');
    void outcome.then(() => order.push('answer'));
    await outcome;
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['work queued with the last reply', 'answer']);
  });

  it('majority: stops the rest once three of five agree, and the winner is the same as without', async () => {
    const texts = ['Paris', 'Paris', 'Paris', 'Lyon', 'Lyon'];
    const early = StreamingSource.counting('local', texts);
    const outcome = await run([early], 'majority');
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(early.sent).toEqual(['Paris', 'Paris', 'Paris']);
    expect(outcome.run.earlyStop).toBe('vote_decided');
    expect(outcome.run.cancelledEarly).toBe(true);
    expect(outcome.run.verdict.winner?.candidate.text).toBe('Paris');
    expect(outcome.run.verdict.dropped.map((drop) => drop.reason)).toEqual(['cancelled', 'cancelled']);
    // The cancelled ones were asked for: they count against agreement.
    expect(outcome.run.verdict).toMatchObject({ askedFor: 5, validCount: 3, dropReasons: { cancelled: 2 } });
    expect(outcome.run.verdict.agreement).toBeCloseTo(3 / 5, 12);

    const full = await run([StreamingSource.counting('local', texts)], 'majority', false);
    if (!full.ok) throw new Error(full.failure.message);
    expect(full.run.earlyStop).toBeNull();
    expect(full.run.verdict.winner?.candidate.text).toBe('Paris');
  });

  it('weighted_vote stops early too; best_of_n never does', async () => {
    const texts = ['Paris', 'Paris', 'Paris', 'Lyon', 'Lyon'];
    const weighted = StreamingSource.counting('local', texts);
    expect(await run([weighted], 'weighted_vote')).toMatchObject({ ok: true, run: { earlyStop: 'vote_decided' } });
    const best = StreamingSource.counting('local', texts);
    expect(await run([best], 'best_of_n')).toMatchObject({ ok: true, run: { earlyStop: null } });
    expect(best.sent).toHaveLength(5);
  });

  it('a close vote runs to the end', async () => {
    const source = StreamingSource.counting('local', ['Paris', 'Lyon', 'Paris', 'Lyon', 'Paris']);
    const outcome = await run([source], 'majority');
    expect(outcome).toMatchObject({ ok: true, run: { earlyStop: null } });
    expect(source.sent).toHaveLength(5);
  });

  it('a source that cannot say how many it sends (a peer) is waited for', async () => {
    const local = StreamingSource.counting('local', ['Paris', 'Paris', 'Paris', 'Lyon', 'Lyon']);
    const peer = new StreamingSource('peer', ['Lyon', 'Lyon', 'Lyon', 'Lyon'], false, 20);
    const outcome = await run([local, peer], 'majority');
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.run.earlyStop).toBeNull();
    expect(outcome.run.verdict.winner?.candidate.text).toBe('Lyon');
  });

  it('once the peer has answered, the local candidates still running can be stopped', async () => {
    const peer = new StreamingSource('peer', ['Paris', 'Paris'], false, 1);
    const local = new StreamingSource('local', ['Paris', 'Lyon', 'Paris', 'Lyon', 'Lyon'], true, 15);
    local.expectedCandidates = () => 5;
    const outcome = await run([local, peer], 'majority');
    if (!outcome.ok) throw new Error(outcome.failure.message);
    // After local's 1st the leader is safe: no source holds more than half, so local's 5 votes
    // together weigh at most the peer's 2, and its 4 pending (1.6) cannot catch Paris (2.4).
    expect(local.sent).toEqual(['Paris']);
    expect(outcome.run.earlyStop).toBe('vote_decided');
    expect(outcome.run.verdict.winner?.candidate.text).toBe('Paris');
  });

  it('asks decide() to count every candidate asked for: what a source said it sends, else what it sent', async () => {
    const local = StreamingSource.counting('local', ['Paris', 'Paris']);
    local.expectedCandidates = () => 4;
    const peer = new StreamingSource('peer', ['Paris'], false, 1);
    const failing: CandidateSource = {
      id: 'down',
      generate: async (): Promise<SourceOutcome> => ({ ok: false, failure: { code: SwarmErrorCode.EngineFailed, message: 'down' } }),
    };
    const outcome = await run([local, peer, failing], 'majority', false);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    // local said 4 and sent 2, the peer sent 1, the failed source could not say.
    expect(outcome.run.verdict.askedFor).toBe(5);
    expect(outcome.run.verdict.validCount).toBe(3);
    expect(outcome.run.verdict.agreement).toBeLessThan(1);
  });
});
