import type { FinishReason } from '@local-swarm/consensus';
import { findStopIndex } from '../generation/stop-sequences';
import type { GrammarStops } from './grammar-stops';
import { IncrementalDetokenizer, type ContextDetokenizer } from './incremental-detokenizer';
import type { RawCandidate } from './llama-engine';
import type { Token } from './llama-types';
import type { EvaluationStep } from './sampling-options';
import { tokenLogProb } from './token-log-prob';
import type { TokenLogprobRecorder } from './token-logprob-recorder';

/** Why a token ended the candidate: a stop string appeared, or it reached max tokens. */
export type StepEnding = 'stop' | 'length' | null;

/**
 * One candidate's answer as its tokens arrive: text, score, logprobs, and whether it must end.
 * Shared by single and lock-step generation so both end an answer by the same rules.
 */
export class CandidateProgress {
  private readonly detokenizer: IncrementalDetokenizer;
  private logProbSum = 0;
  /** The answer's text, cut before a stop string once one appeared. */
  private text = '';

  constructor(
    model: ContextDetokenizer,
    private readonly maxTokens: number,
    /** The stop strings; set again once the grammar (and its triggers) is known. */
    public ending: GrammarStops,
    private readonly logprobs: TokenLogprobRecorder | undefined,
  ) {
    this.detokenizer = new IncrementalDetokenizer(model);
  }

  /** The tokens generated so far (read by the penalties at every step). */
  get tokens(): Token[] {
    return this.detokenizer.tokens;
  }

  /** Adds the token `step` produced; says whether the answer ends with it. */
  add(step: EvaluationStep): StepEnding {
    const detokenizer = this.detokenizer;
    detokenizer.add(step.token);
    this.logProbSum += tokenLogProb(step.confidence ?? 0);
    this.text = detokenizer.text;
    this.logprobs?.record(step, this.text);
    const stops = this.ending.stops;
    const cut = stops.length > 0 ? findStopIndex(this.text, stops, detokenizer.changedFrom) : null;
    if (cut !== null) {
      this.text = this.text.slice(0, cut);
      return 'stop';
    }
    return detokenizer.tokens.length >= this.maxTokens ? 'length' : null;
  }

  /** The candidate as it stands; the text is left untrimmed after an error, as generated. */
  result(finishReason: FinishReason, error?: string): RawCandidate {
    const text = this.ending.trimWhitespaceSuffix && error === undefined ? this.text.trimEnd() : this.text;
    const n = this.detokenizer.tokens.length;
    return {
      text,
      meanLogProb: n > 0 ? this.logProbSum / n : null,
      completionTokens: n,
      finishReason,
      ...(error !== undefined ? { error } : {}),
      ...(this.logprobs !== undefined ? { logprobs: this.logprobs.finish(text) } : {}),
    };
  }
}
