// Semantic grouping threshold: embeds 40 pairs of answers that mean the same and 40 that differ
// (answer-pairs.ts) with a model, and prints, per cosine threshold, how many of each would merge.
// The consensus README's default threshold comes from this table.
//   node tools/bench/dist/semantic-threshold/main.js [--model <gguf>] [--threads 2]
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import { defaultModelPath, Swarm } from '@local-swarm/swarm-core';
import { Command } from 'commander';
import os from 'node:os';
import path from 'node:path';
import { positiveIntegerOption } from '../support/numeric-flag';
import { ANSWER_PAIRS } from './answer-pairs';
import { thresholdRates } from './threshold-rates';

const THRESHOLDS = [0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98];

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const options = new Command('semantic-threshold')
    .option('--model <path>', 'GGUF model that embeds (the node\'s chat model or its --embedding-model)', defaultModelPath())
    .option('--threads <count>', 'CPU threads', positiveIntegerOption('threads'), os.cpus().length)
    .parse()
    .opts<{ model: string; threads: number }>();
  const swarm = await Swarm.start({ modelPath: options.model, modelId: 'semantic-threshold', instances: 1, contextSize: 512, threads: options.threads, maxQueue: 2 });
  try {
    if (swarm.embeddings === null) throw new Error(`${options.model} cannot compute embeddings`);
    const texts = [...new Set(ANSWER_PAIRS.flatMap((pair) => [pair.a, pair.b]))];
    const outcome = await swarm.embeddings.embed(texts);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const vectorOf = new Map(texts.map((text, index) => [text, outcome.vectors[index] ?? []]));
    const scored = ANSWER_PAIRS.map((pair) => ({ ...pair, cosine: dot(vectorOf.get(pair.a) ?? [], vectorOf.get(pair.b) ?? []) }));
    const mean = (same: boolean): number => {
      const list = scored.filter((pair) => pair.same === same);
      return list.reduce((sum, pair) => sum + pair.cosine, 0) / list.length;
    };
    const headline = `${scored.length} pairs; mean cosine same-meaning ${mean(true).toFixed(3)}, different ${mean(false).toFixed(3)}`;
    console.log(`model ${options.model}: ${headline}`);
    const rates = thresholdRates(scored, THRESHOLDS);
    for (const rate of rates) console.log(`  threshold ${rate.threshold.toFixed(2)}: same-meaning merged ${percent(rate.sameMerged)}, different merged ${percent(rate.differentMerged)}`);
    for (const pair of scored.slice(0, 8)) console.log(`  ${pair.same ? 'same' : 'diff'} ${pair.cosine.toFixed(3)}  ${JSON.stringify(pair.a)} ~ ${JSON.stringify(pair.b)}`);
    const file = writeBenchResult({
      name: 'semantic-threshold',
      title: 'Semantic grouping threshold: merge rates by cosine',
      command: 'node tools/bench/dist/semantic-threshold/main.js',
      startedAt: startedAt.toISOString(),
      durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
      summary: [`${path.basename(options.model)}: ${headline}.`],
      tables: [
        {
          title: 'Pairs merged per threshold (a good threshold merges the same-meaning pairs and not the different ones)',
          columns: ['threshold', 'same-meaning pairs merged', 'different pairs merged'],
          rows: rates.map((rate) => [rate.threshold.toFixed(2), percent(rate.sameMerged), percent(rate.differentMerged)]),
        },
      ],
      notes: [
        describeMachine(),
        'Each pair is two short answers to one question: 40 that mean the same in other words, 40 that differ but are worded alike (answer-pairs.ts). Vectors are unit length, so the dot product is the cosine.',
      ],
    });
    console.log(`semantic-threshold: wrote ${file}`);
  } finally {
    await swarm.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
