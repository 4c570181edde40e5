// Perplexity of two GGUF files on the repository's fixed text, side by side: does a requantised
// model predict plain English as well as the file it was derived from?
//   node tools/eval/dist/perplexity/main.js [--baseline a.gguf] [--candidate b.gguf] [--context-size 512] [--stride 256] [--report-only]
import { writeBenchResult } from '@local-swarm/bench-kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LlamaTokenScorer } from './llama-token-scorer';
import { perplexityOf } from './perplexity-of';
import { parsePerplexityOptions, USAGE, type PerplexityOptions } from './perplexity-options';
import { buildPerplexityResult, type MeasuredModel } from './perplexity-report';
import { perplexityVerdict } from './perplexity-verdict';

const log = (line: string): void => console.log(`perplexity: ${line}`);

interface Measured extends MeasuredModel {
  readonly tokens: readonly number[];
  readonly windowSize: number;
}

/** One model at a time: the two never share the cores, so each is measured alone. */
async function measure(modelPath: string, text: string, options: PerplexityOptions): Promise<Measured> {
  const startedAt = performance.now();
  const scorer = await LlamaTokenScorer.load({ modelPath, contextSize: options.contextSize, threads: options.threads });
  try {
    const tokens = scorer.tokenize(text);
    const windowSize = scorer.windowCapacity;
    const perplexity = await perplexityOf(tokens, scorer, { windowSize, stride: options.stride });
    const seconds = (performance.now() - startedAt) / 1000;
    log(`${path.basename(modelPath)}: perplexity ${perplexity.perplexity.toFixed(4)} over ${perplexity.scoredTokens} tokens (${seconds.toFixed(1)} s)`);
    return { model: path.basename(modelPath), perplexity, seconds, tokens, windowSize };
  } finally {
    await scorer.dispose();
  }
}

async function run(options: PerplexityOptions): Promise<boolean> {
  const startedAt = new Date();
  const text = readFileSync(options.text, 'utf8');
  const baseline = await measure(options.baseline, text, options);
  const candidate = await measure(options.candidate, text, options);
  // A relative change only means something on the same tokens in the same windows.
  if (baseline.tokens.join(',') !== candidate.tokens.join(',') || baseline.windowSize !== candidate.windowSize) {
    throw new Error('the two models tokenise the text differently: their perplexities are not comparable');
  }
  const verdict = perplexityVerdict(baseline.perplexity.perplexity, candidate.perplexity.perplexity);
  const result = buildPerplexityResult(baseline, candidate, verdict, {
    options,
    textName: path.basename(options.text),
    textTokens: baseline.tokens.length,
    windowSize: baseline.windowSize,
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
  });
  for (const line of result.summary) log(line.replace(/\*\*/g, ''));
  log(`wrote ${writeBenchResult(result)}`);
  return verdict.passes;
}

async function main(): Promise<void> {
  let options: PerplexityOptions;
  try {
    options = parsePerplexityOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`perplexity: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  // Exit 1 on a failed verdict, so a script can gate the switch of the default model on it.
  const passes = await run(options);
  process.exitCode = passes || options.reportOnly ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`perplexity: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(2);
});
