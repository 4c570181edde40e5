// Consensus cost: wall time of N = 1..8 candidates of the same prompt and length, through the
// node and in process (batched vs one after another), and what node-llama-cpp itself charges for
// a step of N sequences (the floor of any batched loop), for each model file side by side.
// Also where one lock step of --phases-n candidates spends its time, beside the engine's floor.
//   node tools/bench/dist/consensus-cost/main.js [--n 1,2,3,4,5,8] [--tokens 32] [--reps 3] [--threads 2] [--models <gguf>,<gguf>] [--phases-n 4]
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import { defaultModelPath, derivedQ4_0ModelPath } from '@local-swarm/swarm-core';
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commanderParser, integerListFlag, positiveIntegerOption } from '../support/numeric-flag';
import { measureModelCost, type ModelCost } from './measure-model-cost';
import { costChart, costTable, phaseTables, sideBySideTable, summaryLines } from './model-cost-report';

async function main(): Promise<void> {
  // The batch-friendly file the model fetcher derives from the default one, measured beside it when present.
  const derived = derivedQ4_0ModelPath();
  const options = new Command('consensus-cost')
    .option('--n <list>', 'candidate counts (1 is always measured)', commanderParser((raw) => integerListFlag('n', raw, [], 1, 64)), [1, 2, 3, 4, 5, 8])
    .option('--tokens <count>', 'tokens per candidate', positiveIntegerOption('tokens'), 32)
    .option('--reps <count>', 'repetitions per figure (median taken)', positiveIntegerOption('reps'), 3)
    .option('--threads <count>', 'CPU threads (default: every core)', positiveIntegerOption('threads'), os.cpus().length)
    .option('--models <paths>', 'GGUF files measured side by side, comma-separated (default: the default model and its derived Q4_0 file)', (raw: string) => raw.split(',').filter((item) => item !== ''))
    .option('--phases-n <count>', 'candidates of the run broken down phase by phase (2 or more)', positiveIntegerOption('phases-n'), 4)
    .parse()
    .opts<{ n: number[]; tokens: number; reps: number; threads: number; models?: string[]; phasesN: number }>();
  if (options.phasesN < 2) throw new RangeError('--phases-n must be 2 or more (one candidate runs no lock step)');
  const models = options.models ?? [defaultModelPath(), ...(existsSync(derived) ? [derived] : [])];
  const missing = models.filter((model) => !existsSync(model));
  if (missing.length > 0) throw new RangeError(`--models: no such file: ${missing.join(', ')}`);
  const ns = [...new Set([1, options.phasesN, ...options.n])].sort((a, b) => a - b);
  const startedAt = new Date();
  const elapsed = (): string => `${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`;

  const costs: ModelCost[] = [];
  for (const model of models) {
    const log = (line: string): void => console.log(`consensus-cost [${path.basename(model)}, ${elapsed()}]: ${line}`);
    costs.push(await measureModelCost(model, { ns, tokens: options.tokens, repetitions: options.reps, threads: options.threads, phasesN: options.phasesN }, log));
  }

  const tables = [sideBySideTable(costs, ns), ...costs.map((cost) => costTable(cost, options.tokens, options.reps)), ...phaseTables(costs, Math.max(5, options.reps))];
  const summary = summaryLines(costs, options.tokens);
  const file = writeBenchResult({
    name: 'consensus-cost',
    title: 'Consensus cost: N candidates vs one',
    command: 'node tools/bench/dist/consensus-cost/main.js',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    summary,
    tables,
    notes: [
      describeMachine(),
      `Models measured one after the other in this run: ${models.map((model) => path.basename(model)).join(', ')}. ${options.threads} threads, temperature 0.7, top_p 0.95 (and node-llama-cpp's top_k 40), each candidate its own seed; batched and one-after-another use the same seeds; every candidate is asked for ${options.tokens} tokens of a prompt that never stops.`,
      'Via the node = a node process started with --instances N (its instances are its candidates), asked over HTTP by a client in this process (majority, seed 1000); one node per N, all started before measuring, asked in turn.',
      'Engine columns come from node-llama-cpp directly, on one context of exactly N sequences (the shape of a node with N instances), every sequence\'s token queued in the same tick so they share one llama_decode: "decode" computes no logits (the transformer\'s body only), "decode+greedy" adds the output layer (49152 × 576 logits per sequence) and an argmax, "decode+sample" samples each sequence as generation does, "generator" is the same step through one evaluateWithMetadata generator per sequence (what the lock-step loop awaits). Rounds interleave every N and every column.',
      'Batched in process = one Swarm.generate with N candidates on a swarm of exactly N instances (the node\'s shape): the prompt is decoded once and its KV cells copied to the other sequences, then every step decodes one token per live candidate in a single llama_decode batch. These runs share the benchmark\'s process with its other measurements and have read slower than a node\'s on this machine; the node figures are the ones a user sees.',
      'Phases: an engine of exactly N sequences reports into a LoopProfile (three clock reads per step); "awaiting the next tokens" is node-llama-cpp\'s decode and sampling of every live candidate plus its generators\' overhead; the floor row is the engine\'s decode+sample step on the same sequences, timed right after each run (loop and floor compared run by run); the early-exit row replays the run\'s candidates arriving one by one through isVoteDecided (majority).',
    ],
    charts: [costChart(costs, ns)],
  });
  for (const table of tables) {
    console.log(`\n${table.title}\n${table.columns.join('\t')}`);
    for (const row of table.rows) console.log(row.join('\t'));
  }
  for (const line of summary) console.log(line);
  console.log(`consensus-cost: wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(`consensus-cost: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
