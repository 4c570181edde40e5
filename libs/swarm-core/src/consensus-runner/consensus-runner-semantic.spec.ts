import { decide, type Candidate } from '@local-swarm/consensus';
import type { EmbeddingCallOptions, EmbeddingOutcome } from '../embedding/embedding-service';
import { SwarmErrorCode } from '../errors/swarm-errors';
import type { GenerationRequest } from '../generation/generation-request';
import type { CandidateSource, SourceOutcome } from '../sources/candidate-source';
import { runConsensus } from './consensus-runner';
import { SEMANTIC_EMBEDDING_LIMITS } from './semantic-embedding-limits';
import type { CandidateEmbedder } from './semantic-grouping-for';

jest.mock('@local-swarm/consensus', () => {
  const actual: typeof import('@local-swarm/consensus') = jest.requireActual('@local-swarm/consensus');
  return { ...actual, decide: jest.fn(actual.decide) };
});
const decideSpy = jest.mocked(decide);

/** A fake embedding model: each text's vector from a table, [0, 1] for any other; records each batch. */
class FakeEmbedder implements CandidateEmbedder {
  readonly batches: (readonly string[])[] = [];
  readonly signals: (AbortSignal | undefined)[] = [];
  constructor(
    private readonly table: Readonly<Record<string, readonly number[]>> = {},
    readonly answer: (inputs: readonly string[]) => Promise<EmbeddingOutcome> = async (inputs) => ({
      ok: true,
      vectors: inputs.map((text) => [...(this.table[text] ?? [0, 1])]),
      promptTokens: inputs.length,
    }),
  ) {}

  embed(inputs: readonly string[], call: EmbeddingCallOptions = {}): Promise<EmbeddingOutcome> {
    this.batches.push(inputs);
    this.signals.push(call.signal);
    return this.answer(inputs);
  }
}

function sourceOf(id: string, texts: readonly string[], finishReason: Candidate['finishReason'] = 'stop'): CandidateSource {
  return {
    id,
    async generate(_request, call): Promise<SourceOutcome> {
      const candidates: Candidate[] = texts.map((text, sequence) => ({ text, score: -0.5, source: id, sequence, model: 'm', finishReason, latencyMs: 1 }));
      candidates.forEach((candidate) => call.onCandidate?.(candidate));
      return { ok: true, candidates, usage: { promptTokens: 3, completionTokens: texts.length } };
    },
  };
}

const REQUEST: GenerationRequest = { prompt: { kind: 'text', text: 'capital of France?' }, maxTokens: 8, candidates: 3 };
const runWith = (sources: readonly CandidateSource[], embedder: CandidateEmbedder, strategy: 'majority' | 'first_valid' = 'majority') =>
  runConsensus(REQUEST, sources, { strategy, signal: new AbortController().signal, earlyExit: false, semantic: { embedder, threshold: 0.9 } });

function semanticOfLastDecide(): ReadonlyMap<string, readonly number[]> | undefined {
  return decideSpy.mock.calls.at(-1)?.[1]?.semantic?.vectors;
}

describe('runConsensus with semantic grouping', () => {
  beforeEach(() => decideSpy.mockClear());

  it('embeds each distinct text once and hands the vectors, keyed by text, and the threshold to decide()', async () => {
    const embedder = new FakeEmbedder({ Paris: [1, 0], 'It is Paris.': [0.99, 0.1] });
    const outcome = await runWith([sourceOf('local', ['Paris', 'It is Paris.', 'Paris'])], embedder);
    expect(outcome.ok).toBe(true);
    expect(embedder.batches).toEqual([['Paris', 'It is Paris.']]);
    expect(decideSpy.mock.calls.at(-1)?.[1]?.semantic?.threshold).toBe(0.9);
    expect([...(semanticOfLastDecide() ?? new Map())]).toEqual([
      ['Paris', [1, 0]],
      ['It is Paris.', [0.99, 0.1]],
    ]);
  });

  it('skips candidates that are dropped anyway, and needs no embedding for a single distinct answer', async () => {
    const embedder = new FakeEmbedder();
    await runWith([sourceOf('local', ['Paris', 'Paris']), sourceOf('peer', ['Berlin'], 'length')], embedder);
    expect(embedder.batches).toEqual([]);
    expect(semanticOfLastDecide()).toBeUndefined();
  });

  it(`cuts each text to ${SEMANTIC_EMBEDDING_LIMITS.maxChars} characters and embeds at most ${SEMANTIC_EMBEDDING_LIMITS.maxTexts} texts`, async () => {
    const long = Array.from({ length: SEMANTIC_EMBEDDING_LIMITS.maxChars }, (_, index) => `w${index}`).join(' ');
    const many = Array.from({ length: SEMANTIC_EMBEDDING_LIMITS.maxTexts + 6 }, (_, index) => `answer ${index}`);
    const embedder = new FakeEmbedder();
    const outcome = await runWith([sourceOf('local', [long, ...many])], embedder);
    const batch = embedder.batches[0] ?? [];
    expect(batch).toHaveLength(SEMANTIC_EMBEDDING_LIMITS.maxTexts);
    expect(Math.max(...batch.map((text) => text.length))).toBe(SEMANTIC_EMBEDDING_LIMITS.maxChars);
    expect(semanticOfLastDecide()?.has(long)).toBe(true);
    expect(outcome.ok && outcome.run.verdict.notes).toContain(`semantic grouping embedded the first ${SEMANTIC_EMBEDDING_LIMITS.maxTexts} of ${many.length + 1} distinct answers`);
  });

  it('an embedding failure never fails the request: the vote goes on without the layer and says so', async () => {
    const failing = new FakeEmbedder({}, async () => ({ ok: false, failure: { code: SwarmErrorCode.EngineFailed, message: 'embedding failed: boom' } }));
    const throwing = new FakeEmbedder({}, () => Promise.reject(new Error('exploded')));
    for (const [embedder, reason] of [[failing, 'embedding failed: boom'], [throwing, 'exploded']] as const) {
      const outcome = await runWith([sourceOf('local', ['Paris', 'Paris', 'Lyon'])], embedder);
      if (!outcome.ok) throw new Error('the vote must go on');
      expect(outcome.run.verdict.winner?.candidate.text).toBe('Paris');
      expect(outcome.run.verdict.notes).toContain(`semantic grouping skipped: ${reason}`);
      expect(semanticOfLastDecide()).toBeUndefined();
    }
  });

  it(`waits at most ${SEMANTIC_EMBEDDING_LIMITS.timeoutMs} ms for the embedding model (a busy /v1/embeddings cannot hold a vote)`, async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const never = new FakeEmbedder({}, () => new Promise<EmbeddingOutcome>(() => undefined));
      const pending = runWith([sourceOf('local', ['Paris', 'Lyon'])], never);
      await jest.advanceTimersByTimeAsync(SEMANTIC_EMBEDDING_LIMITS.timeoutMs + 1);
      const outcome = await pending;
      expect(outcome.ok && outcome.run.verdict.notes).toContain(`semantic grouping skipped: the embedding model did not answer within ${SEMANTIC_EMBEDDING_LIMITS.timeoutMs} ms`);
      expect(never.signals[0]?.aborted).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('first_valid groups nothing: no embedding', async () => {
    const embedder = new FakeEmbedder();
    await runWith([sourceOf('local', ['Paris', 'Lyon'])], embedder, 'first_valid');
    expect(embedder.batches).toEqual([]);
  });
});
