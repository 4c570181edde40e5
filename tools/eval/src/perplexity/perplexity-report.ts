import type { BenchResult } from '@local-swarm/bench-kit';
import type { Perplexity } from './perplexity-of';
import type { PerplexityOptions } from './perplexity-options';
import { MAX_PERPLEXITY_RISE, type PerplexityVerdict } from './perplexity-verdict';

export interface MeasuredModel {
  /** File name of the GGUF. */
  readonly model: string;
  readonly perplexity: Perplexity;
  readonly seconds: number;
}

export interface PerplexityRun {
  readonly options: PerplexityOptions;
  readonly textName: string;
  readonly textTokens: number;
  /** Tokens a window holds (the context less the BOS token, if the model wants one). */
  readonly windowSize: number;
  readonly startedAt: string;
  readonly durationSeconds: number;
}

const signedPercent = (share: number): string => `${share >= 0 ? '+' : '−'}${Math.abs(share * 100).toFixed(2)}%`;

/** Both models' perplexity side by side, the relative change and the verdict, as a BenchResult. */
export function buildPerplexityResult(baseline: MeasuredModel, candidate: MeasuredModel, verdict: PerplexityVerdict, run: PerplexityRun): BenchResult {
  return {
    name: 'perplexity',
    title: 'Perplexity: two GGUF files on the same fixed text',
    command: 'node tools/eval/dist/perplexity/main.js --baseline <gguf> --candidate <gguf>',
    startedAt: run.startedAt,
    durationSeconds: run.durationSeconds,
    summary: [
      `**${verdict.passes ? 'PASS' : 'FAIL'}**: perplexity ${baseline.perplexity.perplexity.toFixed(3)} (${baseline.model}) → ${candidate.perplexity.perplexity.toFixed(3)} (${candidate.model}), ${signedPercent(verdict.relativeChange)} (limit +${MAX_PERPLEXITY_RISE * 100}%)`,
      `${run.textName}: ${run.textTokens} tokens, ${baseline.perplexity.scoredTokens} scored in ${baseline.perplexity.windows} windows of ${run.windowSize} tokens, stride ${run.options.stride}`,
    ],
    tables: [
      {
        title: 'Teacher-forced perplexity on the same tokens and windows',
        columns: ['model', 'perplexity', 'mean NLL (nats/token)', 'scored tokens', 'windows', 'seconds'],
        rows: [baseline, candidate].map((entry) => [
          entry.model,
          Number(entry.perplexity.perplexity.toFixed(4)),
          Number(entry.perplexity.meanNegativeLogLikelihood.toFixed(5)),
          entry.perplexity.scoredTokens,
          entry.perplexity.windows,
          Number(entry.seconds.toFixed(1)),
        ]),
      },
    ],
    notes: [
      `Perplexity = exp(mean −ln p(token | the tokens before it in its window)), the model's full softmax (no sampling filter). Windows of ${run.windowSize} tokens start every ${run.options.stride} tokens, each from an empty context (BOS first when the model wants one) and scoring only tokens no earlier window scored, so every token past the first window has at least ${run.windowSize - run.options.stride} tokens of context.`,
      'The text is plain English prose (public-domain founding documents and speeches), not chat: it measures the weights, not the chat template; both models read the same tokens (same tokenizer).',
    ],
  };
}
