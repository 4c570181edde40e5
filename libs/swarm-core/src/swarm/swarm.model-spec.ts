import type { Candidate } from '@local-swarm/consensus';
import { existsSync } from 'node:fs';
import type { ConsensusRunOutcome } from '../consensus-runner/consensus-runner';
import { SwarmErrorCode } from '../errors/swarm-errors';
import type { GenerationRequest } from '../generation/generation-request';
import { DEFAULT_MODEL, defaultModelPath } from '../model/default-model';
import type { SourceOutcome } from '../sources/candidate-source';
import { SwarmWorkerClient } from '../testing/swarm-worker-client';
import type { SwarmInfo, SwarmLoad } from './swarm';

const INSTANCES = 3;
const question: GenerationRequest['prompt'] = {
  kind: 'chat',
  messages: [{ role: 'user', content: 'Name a colour of the sky.' }],
};

let worker: SwarmWorkerClient;

const generate = async (request: GenerationRequest, abortAfterMs?: number): Promise<SourceOutcome> =>
  worker.call<SourceOutcome>('generate', { request, ...(abortAfterMs !== undefined ? { abortAfterMs } : {}) });

const candidatesOf = (outcome: SourceOutcome): readonly Candidate[] => {
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.candidates;
};

beforeAll(async () => {
  if (!existsSync(defaultModelPath())) throw new Error(`run the model fetcher first: ${defaultModelPath()} is missing`);
  worker = SwarmWorkerClient.spawn();
  const info = await worker.call<SwarmInfo>('start', { instances: INSTANCES, contextSize: 512, maxQueue: 1 });
  expect(info).toMatchObject({ instances: INSTANCES, contextSize: 512, modelId: DEFAULT_MODEL.id });
});

afterAll(async () => {
  await worker.close();
});

describe('Swarm on the real default model', () => {
  it('generates one candidate per instance, each with its own seed and a log-probability score', async () => {
    const outcome = await generate({ prompt: question, maxTokens: 24, candidates: INSTANCES, seed: 11 });
    const candidates = candidatesOf(outcome);
    expect(candidates.map((c) => c.sequence)).toEqual([0, 1, 2]);
    for (const candidate of candidates) {
      expect(candidate).toMatchObject({ source: 'local', model: DEFAULT_MODEL.id });
      if (candidate.completionTokens !== 0) {
        expect(candidate.score).toEqual(expect.any(Number));
        expect(candidate.score ?? 1).toBeLessThanOrEqual(0);
      }
    }
    expect(candidates.some((c) => c.text.trim().length > 0)).toBe(true);
    // Sampled with different seeds, three candidates are not all the same text.
    expect(new Set(candidates.map((c) => c.text)).size).toBeGreaterThan(1);
    if (outcome.ok) {
      expect(outcome.usage.promptTokens).toBeGreaterThan(0);
      expect(outcome.usage.completionTokens).toBe(candidates.reduce((sum, c) => sum + (c.completionTokens ?? 0), 0));
    }
  });

  it('replays identically with the same seed, and is identical across candidates at temperature 0', async () => {
    const request: GenerationRequest = { prompt: question, maxTokens: 12, candidates: INSTANCES, seed: 42 };
    const first = candidatesOf(await generate(request));
    const second = candidatesOf(await generate(request));
    expect(second.map((c) => c.text)).toEqual(first.map((c) => c.text));

    const greedy = candidatesOf(await generate({ ...request, temperature: 0 }));
    expect(new Set(greedy.map((c) => c.text)).size).toBe(1);
  });

  it('marks a candidate cut by max_tokens as "length" and honours stop strings', async () => {
    const [cut] = candidatesOf(
      await generate({ prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Write a long story about a dragon.' }] }, maxTokens: 5, candidates: 1, temperature: 0 }),
    );
    expect(cut).toMatchObject({ finishReason: 'length', completionTokens: 5 });

    const request: GenerationRequest = { prompt: { kind: 'text', text: 'Count: 1, 2, 3, 4,' }, maxTokens: 30, candidates: 1, temperature: 0 };
    const [free] = candidatesOf(await generate(request));
    expect(free?.text).toContain('7');
    const [stopped] = candidatesOf(await generate({ ...request, stop: ['7'] }));
    expect(stopped?.text).not.toContain('7');
    expect(stopped?.finishReason).toBe('stop');
  });

  it('constrains JSON mode with a grammar', async () => {
    const candidates = candidatesOf(
      await generate({
        prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Describe a cat as a JSON object.' }] },
        maxTokens: 80,
        candidates: INSTANCES,
        json: true,
      }),
    );
    for (const candidate of candidates) {
      expect(candidate.text.trimStart()).toMatch(/^[[{]/);
      if (candidate.finishReason === 'stop') expect(() => JSON.parse(candidate.text) as unknown).not.toThrow();
    }
  });

  it('keeps resident memory flat over batched requests (no native buffer per sampled token)', async () => {
    // A sampler per token per candidate left 576 KiB of native memory each until a full GC:
    // these 4 requests (3 x 128 tokens each) would have grown RSS by ~800 MiB.
    const counting: GenerationRequest = {
      prompt: { kind: 'text', text: 'Counting from one to one thousand: 1, 2, 3, 4,' },
      maxTokens: 128,
      candidates: INSTANCES,
      seed: 7,
    };
    candidatesOf(await generate(counting));
    const before = await worker.call<number>('rss');
    for (let request = 0; request < 3; request++) {
      expect(candidatesOf(await generate(counting)).map((c) => c.completionTokens)).toEqual([128, 128, 128]);
    }
    const grownMiB = ((await worker.call<number>('rss')) - before) / 2 ** 20;
    expect(grownMiB).toBeLessThan(64);
  });

  it('stops at once when aborted and gives the instances back', async () => {
    const started = Date.now();
    const outcome = await generate(
      { prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Write a long story.' }] }, maxTokens: 400, candidates: INSTANCES },
      300,
    );
    expect(candidatesOf(outcome).every((c) => c.finishReason === 'cancelled')).toBe(true);
    // 3 x 400 tokens would take over 10 s on 2 cores.
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(worker.call<SwarmLoad>('load')).resolves.toMatchObject({ busyInstances: 0, queuedRequests: 0 });
  });

  it('refuses work beyond the queue with a retry hint, and rejects oversize prompts before queueing', async () => {
    const request: GenerationRequest = { prompt: question, maxTokens: 16, candidates: INSTANCES };
    const running = generate(request);
    const waiting = generate(request);
    const refused = await generate(request);
    expect(refused).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.QueueFull } });
    if (!refused.ok) expect(refused.failure.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await expect(running).resolves.toMatchObject({ ok: true });
    await expect(waiting).resolves.toMatchObject({ ok: true });

    const tooLong = await worker.call('check', { request: { ...request, prompt: { kind: 'text', text: 'word '.repeat(600) } } });
    expect(tooLong).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.ContextLengthExceeded } });
    const tooMany = await worker.call('check', { request: { ...request, candidates: INSTANCES + 1 } });
    expect(tooMany).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.TooManyCandidates } });
  });

  it('first_valid picks the first valid answer and cancels the candidates still running', async () => {
    const { outcome, seen } = await worker.call<{ outcome: ConsensusRunOutcome; seen: Candidate[] }>('consensus', {
      request: { prompt: question, maxTokens: 200, candidates: INSTANCES, seed: 3 },
      strategy: 'first_valid',
    });
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const { run } = outcome;
    expect(run.verdict.strategy).toBe('first_valid');
    expect(seen).toHaveLength(INSTANCES);
    if (run.verdict.valid) {
      const winner = run.verdict.winner?.candidate;
      expect(winner?.finishReason).toBe('stop');
      // No valid candidate finished before the winner.
      const earlierValid = run.candidates.filter((c) => c.finishReason === 'stop' && c.text.trim() !== '' && c.latencyMs < (winner?.latencyMs ?? 0));
      expect(earlierValid).toEqual([]);
    }
    if (run.cancelledEarly) expect(run.candidates.some((c) => c.finishReason === 'cancelled')).toBe(true);
  });

  it('estimates memory from the GGUF header for --auto sizing', async () => {
    const memory = await worker.call<{ modelBytes: number; contextBytes: number[] }>('estimate', { sequences: [1, 4] });
    expect(memory.modelBytes).toBeGreaterThan(50 * 1024 ** 2);
    const [one = 0, four = 0] = memory.contextBytes;
    expect(four).toBeGreaterThan(one);
  });
});
