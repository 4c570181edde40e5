import type { TokenLogprob } from '@local-swarm/consensus';
import { splitIntoDeltas } from '../responses/completion-responses';

/** A piece of a streamed answer and the log-probabilities of the tokens it carries. */
export interface TextPiece {
  readonly text: string;
  readonly logprobs: readonly TokenLogprob[];
}

/**
 * The pieces an answer streams in: one per token when its tokens spell the text (so each chunk
 * carries the log-probabilities of exactly its tokens), else a word each. Tokens that do not spell
 * the text (a stop sequence cut off inside a token) ride on the first piece, none lost.
 */
export function textPiecesOf(text: string, logprobs: readonly TokenLogprob[] | undefined): TextPiece[] {
  const tokens = logprobs ?? [];
  if (tokens.length > 0 && tokens.map((entry) => entry.token).join('') === text) {
    return tokens.map((entry) => ({ text: entry.token, logprobs: [entry] }));
  }
  const words = splitIntoDeltas(text);
  return words.map((word, index) => ({ text: word, logprobs: index === 0 ? tokens : [] }));
}
