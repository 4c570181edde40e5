import type { ContextDetokenizer } from '../engine/incremental-detokenizer';
import type { Token } from '../engine/llama-types';

/**
 * A detokenizer over a vocabulary of byte strings, as llama.cpp's: tokens are joined as bytes and
 * decoded as UTF-8 (a character split over tokens shows as U+FFFD until complete). `stripLeadingSpace`
 * makes it drop the first space of the text, as SentencePiece models do, which `lastTokens` (the
 * context before the tokens) undoes the way node-llama-cpp does.
 */
export function byteDetokenizer(vocabulary: readonly Buffer[], stripLeadingSpace = false): ContextDetokenizer {
  const decode = (tokens: readonly Token[]): string => {
    const text = Buffer.concat(tokens.map((token) => vocabulary[token] ?? Buffer.alloc(0))).toString('utf8');
    return stripLeadingSpace && text.startsWith(' ') ? text.slice(1) : text;
  };
  return {
    detokenize: (tokens, _specialTokens, lastTokens) => {
      if (lastTokens === undefined || lastTokens.length === 0) return decode(tokens);
      const context = decode(lastTokens.slice(-3));
      const text = decode([...lastTokens.slice(-3), ...tokens]);
      return context !== '' && text.startsWith(context) ? text.slice(context.length) : decode(tokens);
    },
  };
}

/** A vocabulary with words, spaces, and "é" (2 bytes) and "😀" (4 bytes) split over several tokens. */
export const SPLIT_CHARACTER_VOCABULARY: readonly Buffer[] = [
  Buffer.from('Hi'),
  Buffer.from(' there'),
  Buffer.from('E'),
  Buffer.from('ND'),
  Buffer.from([0xc3]), // first byte of "é"
  Buffer.from([0xa9]), // second byte of "é"
  Buffer.from([0xf0, 0x9f]), // first half of "😀"
  Buffer.from([0x98]),
  Buffer.from([0x80]), // last byte of "😀"
  Buffer.from(' '),
  Buffer.from('.'),
  Buffer.from('\n'),
];
