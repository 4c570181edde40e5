import type { OutputGrammar } from './grammar-for';

/** Grammars kept compiled; a client cycling through more schemas than this recompiles. */
export const GRAMMAR_CACHE_SIZE = 16;

/**
 * Compiled grammars by what they enforce, least recently used dropped first: compiling a
 * JSON-schema grammar costs milliseconds to tens of milliseconds, and clients repeat one schema
 * for many requests. `G` is the compiled form (node-llama-cpp's LlamaGrammar in the engine).
 */
export class GrammarCache<G> {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Promise<G>>();

  constructor(
    private readonly compile: (grammar: OutputGrammar) => Promise<G>,
    private readonly capacity: number = GRAMMAR_CACHE_SIZE,
  ) {}

  /** The compiled grammar; rejects when it cannot be compiled (and forgets the failure). */
  get(grammar: OutputGrammar): Promise<G> {
    // The schema's text is its identity: the same schema sent again hits the cache.
    const key = JSON.stringify(grammar);
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const compiled = this.compile(grammar);
    this.entries.set(key, compiled);
    compiled.catch(() => {
      if (this.entries.get(key) === compiled) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return compiled;
  }

  get size(): number {
    return this.entries.size;
  }
}
