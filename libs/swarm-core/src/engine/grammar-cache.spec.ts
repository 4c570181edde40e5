import { GrammarCache } from './grammar-cache';
import type { OutputGrammar } from './grammar-for';

const schemaGrammar = (n: number): OutputGrammar => ({ kind: 'json_schema', schema: { type: 'object', properties: { [`k${n}`]: { type: 'string' } } } });

describe('GrammarCache', () => {
  it('compiles each distinct grammar once', async () => {
    const compile = jest.fn((grammar: OutputGrammar) => Promise.resolve(JSON.stringify(grammar)));
    const cache = new GrammarCache(compile);
    const first = await cache.get(schemaGrammar(1));
    // The same schema sent again (a new object, same text) hits the cache.
    expect(await cache.get(schemaGrammar(1))).toBe(first);
    await cache.get({ kind: 'json' });
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const compile = jest.fn((grammar: OutputGrammar) => Promise.resolve(JSON.stringify(grammar)));
    const cache = new GrammarCache(compile, 2);
    await cache.get(schemaGrammar(1));
    await cache.get(schemaGrammar(2));
    await cache.get(schemaGrammar(1));
    await cache.get(schemaGrammar(3));
    expect(cache.size).toBe(2);
    compile.mockClear();
    await cache.get(schemaGrammar(1));
    expect(compile).not.toHaveBeenCalled();
    await cache.get(schemaGrammar(2));
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('forgets a grammar that failed to compile, so the next request tries again', async () => {
    const compile = jest.fn().mockRejectedValueOnce(new Error('bad schema')).mockResolvedValueOnce('compiled');
    const cache = new GrammarCache<string>(compile);
    await expect(cache.get(schemaGrammar(1))).rejects.toThrow('bad schema');
    await expect(cache.get(schemaGrammar(1))).resolves.toBe('compiled');
  });
});
