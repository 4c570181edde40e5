import { byteDetokenizer, SPLIT_CHARACTER_VOCABULARY } from '../testing/byte-detokenizer';
import { IncrementalDetokenizer } from './incremental-detokenizer';
import type { Token } from './llama-types';

const tokens = (...ids: number[]): Token[] => ids as Token[];

function randomTokens(seed: number, length: number): Token[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * SPLIT_CHARACTER_VOCABULARY.length) as Token;
  });
}

describe('IncrementalDetokenizer', () => {
  it.each([
    ['byte-level BPE', false],
    ['SentencePiece (leading space stripped)', true],
  ])('gives the text of all tokens at once after every token (%s)', (_name, stripLeadingSpace) => {
    const model = byteDetokenizer(SPLIT_CHARACTER_VOCABULARY, stripLeadingSpace);
    for (let seed = 1; seed <= 200; seed++) {
      const script = randomTokens(seed, 40);
      const incremental = new IncrementalDetokenizer(model);
      script.forEach((token, index) => {
        incremental.add(token);
        expect([seed, index, incremental.text]).toEqual([seed, index, model.detokenize(script.slice(0, index + 1))]);
      });
    }
  });

  it('keeps a character split over tokens pending until its last byte arrives', () => {
    const incremental = new IncrementalDetokenizer(byteDetokenizer(SPLIT_CHARACTER_VOCABULARY));
    for (const token of tokens(0, 6, 7)) incremental.add(token);
    expect(incremental.text).toBe('Hi\uFFFD');
    incremental.add(8 as Token);
    expect(incremental.text).toBe('Hi😀');
    // The pending bytes were decoded again: the text changed from where they started.
    expect(incremental.changedFrom).toBe(2);
  });

  it('passes the tokens before the new ones as context, so a SentencePiece space is kept', () => {
    const model = byteDetokenizer(SPLIT_CHARACTER_VOCABULARY, true);
    const incremental = new IncrementalDetokenizer(model);
    incremental.add(0 as Token);
    incremental.add(1 as Token);
    expect(incremental.text).toBe('Hi there');
  });

  it('detokenizes only the tokens after the last complete character', () => {
    const model = byteDetokenizer(SPLIT_CHARACTER_VOCABULARY);
    const seen: number[] = [];
    const incremental = new IncrementalDetokenizer({ detokenize: (list, special, last) => (seen.push(list.length), model.detokenize(list, special, last)) });
    for (const token of randomTokens(7, 100).filter((token) => token < 4 || token > 8)) incremental.add(token);
    expect(Math.max(...seen)).toBe(1);
  });
});
