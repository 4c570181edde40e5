import { grammarStops } from './grammar-stops';
import type { LlamaGrammar } from './llama-types';

const grammar = (triggers: readonly unknown[], trim: boolean): LlamaGrammar =>
  ({ stopGenerationTriggers: triggers, trimWhitespaceSuffix: trim }) as unknown as LlamaGrammar;

describe('grammarStops', () => {
  it('keeps the caller stops alone without a grammar', () => {
    expect(grammarStops(['END'], undefined)).toEqual({ stops: ['END'], trimWhitespaceSuffix: false });
  });

  it("adds the grammar's text triggers (strings and texts) and its trimming, not token triggers", () => {
    const text = { toString: () => '\n\n\n\n' };
    expect(grammarStops(['END'], grammar(['##', text, [1, 2]], true))).toEqual({ stops: ['END', '##', '\n\n\n\n'], trimWhitespaceSuffix: true });
  });
});
