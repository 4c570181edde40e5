import type { BenchResult } from '@local-swarm/bench-kit';
import type { ServingOptions } from './serving-options';
import { requestOverheadMs, tokensPerSecond, type ServingPair, type ServingSummary } from './serving-stats';

/** The target: tokens/s through the HTTP API at least this share of in-process. */
export const SERVING_RATIO_TARGET = 0.95;

export interface ServingRun {
  readonly options: ServingOptions;
  /** In measurement order; `httpFirst` says which side of the pair ran first. */
  readonly pairs: readonly (ServingPair & { readonly httpFirst: boolean })[];
  readonly summary: ServingSummary;
  readonly promptTokens: number;
  /** The node's command line, as run. */
  readonly nodeCommand: string;
  readonly machine: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  /** Things that went differently than planned (early stops, a busy node), said plainly. */
  readonly warnings: readonly string[];
}

export function servingBenchResult(run: ServingRun): BenchResult {
  const { options, summary } = run;
  const met = summary.ratio >= SERVING_RATIO_TARGET ? 'met' : 'not met';
  const n = summary.pairs;
  return {
    name: 'serving-overhead',
    title: 'Serving overhead: HTTP API vs in-process',
    command: 'node tools/bench/dist/serving/main.js',
    startedAt: run.startedAt,
    durationSeconds: run.durationSeconds,
    summary: [
      `HTTP API ${fixed(summary.httpTokensPerSecond, 1)} tokens/s vs node-llama-cpp in-process ${fixed(summary.inProcessTokensPerSecond, 1)} tokens/s ` +
        `(medians of ${n} each, ${options.maxTokens} tokens, one candidate, interleaved in one run): ratio **${fixed(summary.ratio, 3)}**, ` +
        `target >= ${SERVING_RATIO_TARGET} **${met}**.`,
      (summary.overheadMs >= 0
        ? `The node adds ${fixed(summary.overheadMs, 1)} ms per request (median of ${n} paired differences; `
        : `The node's per-request overhead is below the run's noise: the median of ${n} paired differences is ${fixed(summary.overheadMs, 1)} ms (HTTP faster; `) +
        `requests took ${fixed(summary.httpWallMs, 0)} ms through HTTP, ${fixed(summary.inProcessWallMs, 0)} ms in-process).`,
      `Median of the ${n} per-pair ratios: ${fixed(summary.pairedRatio, 3)}. Same text from both sides in ${summary.sameTextPairs} of ${n} pairs (same seed and sampler).`,
      `Machine: ${run.machine}.`,
    ],
    tables: [
      {
        title: 'Each pair, in measurement order',
        columns: ['pair', 'first', 'HTTP ms', 'HTTP tokens', 'HTTP tokens/s', 'in-process ms', 'in-process tokens', 'in-process tokens/s', 'ratio', 'overhead ms', 'same text'],
        rows: run.pairs.map((pair, index) => [
          index + 1,
          pair.httpFirst ? 'HTTP' : 'in-process',
          round(pair.http.wallMs, 1),
          pair.http.completionTokens,
          round(tokensPerSecond(pair.http), 1),
          round(pair.inProcess.wallMs, 1),
          pair.inProcess.completionTokens,
          round(tokensPerSecond(pair.inProcess), 1),
          round(tokensPerSecond(pair.http) / tokensPerSecond(pair.inProcess), 3),
          round(requestOverheadMs(pair), 1),
          pair.sameText ? 'yes' : 'no',
        ]),
      },
    ],
    charts: [
      {
        title: 'Single-candidate tokens/s, HTTP API vs in-process',
        xLabel: 'pair (measurement order)',
        yLabel: 'tokens/s',
        series: [
          { name: 'HTTP API (node process)', points: run.pairs.map((pair, index) => ({ x: index + 1, y: round(tokensPerSecond(pair.http), 2) })) },
          { name: 'node-llama-cpp in-process', points: run.pairs.map((pair, index) => ({ x: index + 1, y: round(tokensPerSecond(pair.inProcess), 2) })) },
        ],
      },
    ],
    notes: [
      `tokens/s = completion tokens / wall time seen by the caller. Both sides include prompt evaluation ` +
        `(${run.promptTokens} prompt tokens, a counting text that does not stop early): HTTP from sending the request to the parsed reply; ` +
        `in-process from clearing the sequence to the detokenized text.`,
      `Same settings on both sides: ${options.threads} threads, context ${options.contextSize}, one sequence, batch size ${Math.min(options.contextSize, 2048)}, ` +
        `temperature ${options.temperature}, top_p ${options.topP}, seed ${options.seed} (the node gives its one candidate seed + 0), ` +
        `node-llama-cpp's default top_k 40, model ${options.modelPath}.`,
      `HTTP side: \`${run.nodeCommand}\`, a real node process on loopback with no federation, \`POST /v1/completions\` with \`max_tokens\` ${options.maxTokens} and \`n\` 1. ` +
        'The node generates one candidate per instance (`n` only chooses how many ranked choices come back), so --instances 1 is one candidate; ' +
        'a raw prompt (no chat template) makes both sides evaluate the same tokens. ' +
        `In-process side: node-llama-cpp loaded in the benchmark's own process, no Local Swarm code.`,
      options.inProcessConfidence
        ? 'In-process also asks for each token\'s probability (evaluateWithMetadata with confidence), as the node does for its scores.'
        : 'The node also computes each token\'s probability (for best_of_n scores) and detokenizes after every token (for stop strings); the in-process baseline does neither, so that cost counts as overhead here (run with --in-process-confidence to exclude the probabilities).',
      `One warm-up of each side is not counted. The sides never overlap: each pair runs one after the other, the order alternates between pairs, ` +
        `and the node's /health must show no busy instance and no queue before each in-process run.`,
      ...run.warnings,
    ],
  };
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
