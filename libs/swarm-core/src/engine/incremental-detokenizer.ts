import type { Token } from './llama-types';

/** What the detokenizer needs of the model: node-llama-cpp's `LlamaModel.detokenize`. */
export interface ContextDetokenizer {
  /** `lastTokens`: the tokens before `tokens`, for the spacing of the text that continues them. */
  detokenize(tokens: readonly Token[], specialTokens?: boolean, lastTokens?: readonly Token[]): string;
}

/** What a decoder shows for bytes that do not yet make a whole UTF-8 character. */
export const REPLACEMENT_CHARACTER = '\uFFFD';
/** Tokens given as context before the new ones (node-llama-cpp looks at the last 3). */
const CONTEXT_TOKENS = 3;

/**
 * The text of a growing list of tokens, kept as tokens arrive instead of detokenizing the whole
 * list at every step (O(n²) in the answer's length). Only the tokens after the last complete
 * character are detokenized, with the tokens before them as context (SentencePiece models strip
 * a leading space otherwise). While the new tokens end inside a multi-byte character (the decoder
 * shows U+FFFD for the bytes so far) they stay pending, and are decoded again with the next token:
 * the text is always what detokenizing every token at once would give (as long as some token
 * of the last three committed has text: a run of textless control tokens mid-answer may lose a
 * SentencePiece space, as node-llama-cpp's own streaming does).
 */
export class IncrementalDetokenizer {
  /** Every token added, in order. */
  readonly tokens: Token[] = [];
  /** The text up to the end of the last complete character. */
  private committed = '';
  /** The first token not yet part of `committed`. */
  private pendingFrom = 0;
  private pendingText = '';
  /** The text before this index did not change with the last token. */
  private unchangedUpTo = 0;

  constructor(private readonly model: ContextDetokenizer) {}

  /** The text of every token added. */
  get text(): string {
    return this.pendingText === '' ? this.committed : this.committed + this.pendingText;
  }

  /** Where the text may differ from what it was before the last `add` (earlier text is unchanged). */
  get changedFrom(): number {
    return this.unchangedUpTo;
  }

  add(token: Token): void {
    this.tokens.push(token);
    this.unchangedUpTo = this.committed.length;
    const context = this.tokens.slice(Math.max(0, this.pendingFrom - CONTEXT_TOKENS), this.pendingFrom);
    const piece = this.model.detokenize(this.tokens.slice(this.pendingFrom), false, context);
    // An empty piece stays pending too: context that decodes to nothing gives node-llama-cpp no
    // way to tell a SentencePiece leading space from the answer's own.
    if (piece === '' || piece.endsWith(REPLACEMENT_CHARACTER)) {
      this.pendingText = piece;
      return;
    }
    this.committed += piece;
    this.pendingText = '';
    this.pendingFrom = this.tokens.length;
  }
}
