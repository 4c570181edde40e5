import { SwarmErrorCode } from '../errors/swarm-errors';
import type { GenerationRequest, Prompt } from '../generation/generation-request';
import type { CandidateSourceCallOptions, SourceOutcome } from '../sources/candidate-source';
import { ScriptedEngine } from '../testing/scripted-engine';
import { Swarm } from './swarm';

function call(signal: AbortSignal = new AbortController().signal): CandidateSourceCallOptions {
  return { signal, elapsedMs: () => 0 };
}

function request(prompt: Prompt, extra: Partial<GenerationRequest> = {}): GenerationRequest {
  return { prompt, maxTokens: 16, candidates: 1, ...extra };
}

const CHAT: Prompt = { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 3?' }] };

describe('Swarm (scripted engine, no model)', () => {
  describe('the model file hash', () => {
    it('is stamped on every local candidate and shown in info when given, and absent when not', async () => {
      const hash = 'ab'.repeat(32);
      const hashed = Swarm.onEngine(new ScriptedEngine({ sequences: 2, contextSize: 512 }), { modelPath: 'x', modelId: 'm', maxQueue: 4, modelSha256: hash });
      expect(hashed.info.modelSha256).toBe(hash);
      const outcome = await hashed.generate(request({ kind: 'text', text: 'Once' }, { candidates: 2 }), call());
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(outcome.candidates.map((candidate) => candidate.modelHash)).toEqual([hash, hash]);

      const plain = Swarm.onEngine(new ScriptedEngine({ sequences: 1, contextSize: 512 }), { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      expect(plain.info.modelSha256).toBeNull();
      const unhashed = await plain.generate(request({ kind: 'text', text: 'Once' }), call());
      if (!unhashed.ok) throw new Error(unhashed.failure.message);
      expect(unhashed.candidates[0]).not.toHaveProperty('modelHash');
    });
  });

  describe('tokenizes each prompt once per request', () => {
    it('chat: measure (default max_tokens), check, then generate', async () => {
      const engine = new ScriptedEngine({ sequences: 3, contextSize: 512 });
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      const prompt: Prompt = { kind: 'chat', messages: [{ role: 'user', content: 'hello '.repeat(50) }] };
      const measured = swarm.measurePrompt(prompt);
      if (!measured.ok) throw new Error('expected a count');
      const generation = request(prompt, { maxTokens: 512 - measured.promptTokens, candidates: 3 });
      expect(swarm.check(generation)).toEqual({ ok: true, promptTokens: measured.promptTokens });
      const outcome = await swarm.generate(generation, call());
      expect(outcome).toMatchObject({ ok: true, usage: { promptTokens: measured.promptTokens } });
      expect(engine.tokenizeCalls).toBe(1);
    });

    it('text: check, then generate', async () => {
      const engine = new ScriptedEngine({ sequences: 1, contextSize: 512 });
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      const generation = request({ kind: 'text', text: 'Once upon a time' });
      expect(swarm.check(generation).ok).toBe(true);
      await swarm.generate(generation, call());
      expect(engine.tokenizeCalls).toBe(1);
    });

    it('a peer vote: the vote route rebuilds the request around the same prompt, checks, then generates', async () => {
      const engine = new ScriptedEngine({ sequences: 2, contextSize: 512 });
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      const received = { prompt: CHAT, maxTokens: 8, seed: 1 };
      const generation: GenerationRequest = { prompt: received.prompt, maxTokens: received.maxTokens, candidates: 2, seed: 7 };
      expect(swarm.check(generation).ok).toBe(true);
      await swarm.generate({ ...generation }, call());
      expect(engine.tokenizeCalls).toBe(1);
    });

    it('refuses a prompt too long for the context before any tokenization, and one that fits is not refused', async () => {
      const engine = new ScriptedEngine({ sequences: 1, contextSize: 256 });
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      // 256 tokens of at most 4 characters each: 1,024 characters at most.
      const huge: Prompt = { kind: 'text', text: 'x'.repeat(256 * 4 + 1) };
      const refused = swarm.check(request(huge, { maxTokens: 1 }));
      expect(refused).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.ContextLengthExceeded } });
      expect(swarm.measurePrompt(huge)).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.ContextLengthExceeded } });
      expect(await swarm.generate(request(huge, { maxTokens: 1 }), call())).toMatchObject({ ok: false });
      expect(engine.tokenizeCalls).toBe(0);
      // Whitespace a chat template may trim is not counted.
      const padded: Prompt = { kind: 'chat', messages: [{ role: 'user', content: `${' '.repeat(5000)}hi${'\n'.repeat(5000)}` }] };
      expect(swarm.measurePrompt(padded)).toEqual({ ok: true, promptTokens: 2 });
    });

    it('refuses prompt + max_tokens over the context from the tokens', () => {
      const engine = new ScriptedEngine({ sequences: 1, contextSize: 256 });
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      const checked = swarm.check(request({ kind: 'text', text: 'x'.repeat(400) }, { maxTokens: 200 }));
      expect(checked).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.ContextLengthExceeded } });
      expect(engine.tokenizeCalls).toBe(1);
    });
  });

  describe('per-client share of the wait queue', () => {
    it('one client flooding cannot lock out another, who waits and is served', async () => {
      const maxQueue = 4;
      const engine = new ScriptedEngine({ sequences: 1, contextSize: 512 });
      engine.finishAtOnce = false;
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue });
      const flood = Array.from({ length: maxQueue + 5 }, () => swarm.generate(request(CHAT, { clientKey: '10.0.0.66' }), call()));
      await Promise.resolve();
      expect(swarm.load).toMatchObject({ busyInstances: 1, queuedRequests: 2 });
      const other = swarm.generate(request(CHAT, { clientKey: '10.0.0.7' }), call());
      expect(swarm.load.queuedRequests).toBe(3);

      const refused: SourceOutcome[] = [];
      const served: Promise<SourceOutcome>[] = [];
      for (const pending of flood) {
        const settled = await Promise.race([pending, Promise.resolve(null)]);
        if (settled === null) served.push(pending);
        else refused.push(settled);
      }
      expect(refused).toHaveLength(maxQueue + 5 - 3);
      for (const outcome of refused) {
        expect(outcome).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.ClientQueueShareExceeded, retryAfterSeconds: expect.any(Number) } });
      }
      while (engine.log.filter((entry) => entry === 'batch done').length < 4) {
        engine.finishBatches();
        await new Promise((resolve) => setImmediate(resolve));
      }
      await expect(other).resolves.toMatchObject({ ok: true });
      await Promise.all(served);
    });
  });

  describe('stop()', () => {
    it('answers waiting requests first, then disposes only after the running batch ended (never rejecting)', async () => {
      const engine = new ScriptedEngine({ sequences: 1, contextSize: 512 });
      engine.finishAtOnce = false;
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      const running = swarm.generate(request(CHAT), call());
      const waiting = swarm.generate(request(CHAT), call());
      await Promise.resolve();
      expect(engine.log).toEqual(['batch']);
      await expect(swarm.stop()).resolves.toBeUndefined();
      expect(engine.log).toEqual(['batch', 'batch cancelled', 'dispose']);
      await expect(waiting).resolves.toMatchObject({ ok: false, failure: { code: SwarmErrorCode.NotReady } });
      await expect(running).resolves.toMatchObject({ ok: true, candidates: [{ finishReason: 'cancelled' }] });
    });
  });

  describe('the format and sampling controls of a request', () => {
    it("reach every candidate's sampling, and the candidates carry the engine's logprobs", async () => {
      const engine = new ScriptedEngine({ sequences: 2, contextSize: 512 });
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      const schema = { type: 'object', properties: { a: { type: 'string' } } };
      const controls = { presencePenalty: 1, frequencyPenalty: 0.5, logitBias: { 7: -100 }, logprobs: { top: 2 } };
      const logprobs = [{ token: 'answer', logprob: -0.5, bytes: [97], top: [] }];
      const generateBatch = jest.spyOn(engine, 'generateBatch').mockImplementation((jobs) =>
        jobs.map(() => Promise.resolve({ text: 'answer', meanLogProb: -0.5, completionTokens: 1, finishReason: 'stop' as const, logprobs })),
      );
      const outcome = await swarm.generate(
        request(CHAT, { candidates: 2, json: true, format: { kind: 'json_schema', name: 'n', schema, strict: true }, controls }),
        call(),
      );
      const jobs = generateBatch.mock.calls[0]?.[0] ?? [];
      expect(jobs.map((job) => job.sampling)).toEqual([
        expect.objectContaining({ grammar: { kind: 'json_schema', schema }, controls }),
        expect.objectContaining({ grammar: { kind: 'json_schema', schema }, controls }),
      ]);
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(outcome.candidates.map((candidate) => candidate.logprobs)).toEqual([logprobs, logprobs]);
    });

    it('leave a plain request free text with no controls', async () => {
      const engine = new ScriptedEngine({ sequences: 1, contextSize: 512 });
      const swarm = Swarm.onEngine(engine, { modelPath: 'x', modelId: 'm', maxQueue: 4 });
      const generateBatch = jest.spyOn(engine, 'generateBatch');
      const outcome = await swarm.generate(request(CHAT), call());
      const sampling = generateBatch.mock.calls[0]?.[0][0]?.sampling;
      expect(sampling).not.toHaveProperty('grammar');
      expect(sampling).not.toHaveProperty('controls');
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(outcome.candidates[0]).not.toHaveProperty('logprobs');
    });
  });
});
