import type { TokenLogprob } from '../generation/sampling-controls';
import { REPLACEMENT_CHARACTER } from './incremental-detokenizer';
import type { Token } from './llama-types';
import type { EvaluationStep } from './sampling-options';
import { tokenLogProb } from './token-log-prob';

/** What the recorder needs of the model: the text of tokens. */
export interface Detokenizer {
  detokenize(tokens: readonly Token[]): string;
}

/**
 * Log-probabilities of one candidate's tokens, recorded as they are generated. A token's text is
 * what it adds to the decoded answer, so the texts of all tokens put together are the answer: a
 * character split over two tokens belongs to the token that completes it (the first gets "").
 */
export class TokenLogprobRecorder {
  private readonly entries: TokenLogprob[] = [];
  /** The answer's text up to its last complete character. */
  private complete = '';

  /** `top`: alternatives to keep per position (0..20). */
  constructor(
    private readonly model: Detokenizer,
    private readonly top: number,
  ) {}

  /** Records the token `step` produced; `text` is the whole answer decoded so far, that token included. */
  record(step: EvaluationStep, text: string): void {
    const complete = text.endsWith(REPLACEMENT_CHARACTER) ? text.slice(0, -1) : text;
    const added = complete.startsWith(this.complete) ? complete.slice(this.complete.length) : this.model.detokenize([step.token]);
    this.complete = complete;
    this.entries.push({
      token: added,
      logprob: tokenLogProb(step.confidence ?? 0),
      bytes: utf8Bytes(added),
      top: this.alternatives(step.probabilities),
    });
  }

  /**
   * The entries covering exactly `text`, the candidate's final answer: tokens a stop string cut
   * away are dropped (the one it cut into is shortened), and a last incomplete character goes to
   * the last token kept.
   */
  finish(text: string): TokenLogprob[] {
    const kept: TokenLogprob[] = [];
    let offset = 0;
    for (const entry of this.entries) {
      if (offset >= text.length) break;
      const token = entry.token.slice(0, text.length - offset);
      kept.push(token === entry.token ? entry : { ...entry, token, bytes: utf8Bytes(token) });
      offset += token.length;
    }
    const rest = text.slice(offset);
    const last = kept.pop();
    if (last === undefined || rest === '') return last === undefined ? kept : [...kept, last];
    const token = last.token + rest;
    return [...kept, { ...last, token, bytes: utf8Bytes(token) }];
  }

  private alternatives(probabilities: Map<Token, number> | undefined): TokenLogprob['top'] {
    if (probabilities === undefined || this.top === 0) return [];
    const alternatives: { token: string; logprob: number; bytes: number[] }[] = [];
    // The map is ordered most likely first.
    for (const [token, probability] of probabilities) {
      if (alternatives.length >= this.top) break;
      const text = this.model.detokenize([token]);
      alternatives.push({ token: text, logprob: tokenLogProb(probability), bytes: utf8Bytes(text) });
    }
    return alternatives;
  }
}

function utf8Bytes(text: string): number[] {
  return [...Buffer.from(text, 'utf8')];
}
