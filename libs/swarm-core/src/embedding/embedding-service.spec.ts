import { SwarmErrorCode } from '../errors/swarm-errors';
import type { EmbeddingEngine } from './embedding-engine';
import { MAX_EMBEDDING_CHARACTERS, MAX_EMBEDDING_INPUTS } from './embedding-limits';
import { EmbeddingService } from './embedding-service';

/** A fake model: one token per character plus two markers; the vector is [length, 0]. */
class FakeEmbeddingEngine implements EmbeddingEngine {
  readonly dimensions = 2;
  readonly longestTokenChars = 4;
  readonly embedded: string[] = [];
  counted = 0;
  /** When set, embed() waits for it. */
  gate: Promise<void> | null = null;

  constructor(readonly contextSize = 32) {}

  countTokens(text: string): number {
    this.counted += 1;
    return text.length + 2;
  }

  async embed(text: string): Promise<readonly number[]> {
    if (this.gate !== null) await this.gate;
    this.embedded.push(text);
    return [text.length, 0];
  }

  async dispose(): Promise<void> {
    return undefined;
  }
}

describe('EmbeddingService', () => {
  it('embeds every input in order at unit length, counting their tokens', async () => {
    const service = new EmbeddingService(new FakeEmbeddingEngine(), 4);
    const outcome = await service.embed(['ab', 'cde']);
    expect(outcome).toEqual({ ok: true, vectors: [[1, 0], [1, 0]], promptTokens: 4 + 5 });
  });

  it(`refuses more than ${MAX_EMBEDDING_INPUTS} inputs before tokenizing any`, async () => {
    const engine = new FakeEmbeddingEngine();
    const outcome = await new EmbeddingService(engine, 4).embed(Array.from({ length: MAX_EMBEDDING_INPUTS + 1 }, () => 'a'));
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'too_many_inputs', input: null } });
    expect(engine.counted).toBe(0);
  });

  it('refuses a batch over the character bound before tokenizing any', async () => {
    const engine = new FakeEmbeddingEngine(10_000_000);
    const half = 'a'.repeat(MAX_EMBEDDING_CHARACTERS / 2 + 1);
    const outcome = await new EmbeddingService(engine, 4).embed([half, half]);
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'too_many_characters', input: null } });
    expect(engine.counted).toBe(0);
  });

  it('names the first input that does not fit the context, and embeds none', async () => {
    const engine = new FakeEmbeddingEngine(32);
    const outcome = await new EmbeddingService(engine, 4).embed(['fits', 'a'.repeat(30)]);
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'input_too_long', input: 1 } });
    expect(outcome.ok === false && 'refusal' in outcome && outcome.refusal.message).toContain('input[1]');
    expect(engine.embedded).toEqual([]);
  });

  it('refuses an input far longer than the context without tokenizing it', async () => {
    const engine = new FakeEmbeddingEngine(32);
    const outcome = await new EmbeddingService(engine, 4).embed(['a'.repeat(32 * 4 + 1)]);
    expect(outcome).toMatchObject({ ok: false, refusal: { reason: 'input_too_long', input: 0 } });
    expect(engine.counted).toBe(0);
  });

  it('runs one batch at a time and refuses a client past its share of the wait queue', async () => {
    const engine = new FakeEmbeddingEngine();
    let open = (): void => undefined;
    engine.gate = new Promise((resolve) => (open = resolve));
    const service = new EmbeddingService(engine, 2);
    const running = service.embed(['first'], { clientKey: 'a' });
    const waiting = service.embed(['second'], { clientKey: 'a' });
    const refused = await service.embed(['third'], { clientKey: 'a' });
    expect(refused).toMatchObject({ ok: false, failure: { code: SwarmErrorCode.ClientQueueShareExceeded } });
    expect(engine.embedded).toEqual([]);
    open();
    await expect(running).resolves.toMatchObject({ ok: true });
    await expect(waiting).resolves.toMatchObject({ ok: true });
    expect(engine.embedded).toEqual(['first', 'second']);
  });

  it('reports an engine failure as a value', async () => {
    const engine = new FakeEmbeddingEngine();
    engine.embed = () => Promise.reject(new Error('boom'));
    await expect(new EmbeddingService(engine, 4).embed(['a'])).resolves.toMatchObject({ ok: false, failure: { code: SwarmErrorCode.EngineFailed } });
  });
});
