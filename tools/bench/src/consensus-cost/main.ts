// Consensus cost: wall time of N = 1..8 candidates of the same prompt and
// length, batched (one lock-step loop) vs one after another, and what node-llama-cpp itself
// charges for a decode step of N tokens (the floor of any batched loop).
// Also where one lock step of --phases-n candidates spends its time, beside the engine's floor.
//   node tools/bench/dist/consensus-cost/main.js [--n 1,2,3,4,5,8] [--tokens 32] [--reps 3] [--threads 2] [--model <gguf>] [--phases-n 4]
import { describeMachine, writeBenchResult, type BenchTable } from '@local-swarm/bench-kit';
import { defaultModelPath, LlamaEngine, LoopProfile, silentLogger, Swarm } from '@local-swarm/swarm-core';
import { Command } from 'commander';
import { commanderParser, integerListFlag, positiveIntegerOption } from '../support/numeric-flag';
import os from 'node:os';
import path from 'node:path';
import { formatRatio, ratiosToSingle } from './cost-table';
import { phaseTable, targetLines } from './cost-targets';
import { measureEngineSteps } from './engine-floor';
import { measureLoopPhases } from './loop-phases';
import { measureNodeCost } from './node-cost';
import { measureSwarmCost } from './swarm-cost';

async function main(): Promise<void> {
  const options = new Command('consensus-cost')
    .option('--n <list>', 'candidate counts (1 is always measured)', commanderParser((raw) => integerListFlag('n', raw, [], 1, 64)), [1, 2, 3, 4, 5, 8])
    .option('--tokens <count>', 'tokens per candidate', positiveIntegerOption('tokens'), 32)
    .option('--reps <count>', 'repetitions per figure (median taken)', positiveIntegerOption('reps'), 3)
    .option('--threads <count>', 'CPU threads (default: every core)', positiveIntegerOption('threads'), os.cpus().length)
    .option('--model <path>', 'GGUF model (any file: e.g. the Q4_1 default and a Q4_0 one)', defaultModelPath())
    .option('--phases-n <count>', 'candidates of the run broken down phase by phase (2 or more)', positiveIntegerOption('phases-n'), 4)
    .parse()
    .opts<{ n: number[]; tokens: number; reps: number; threads: number; model: string; phasesN: number }>();
  if (options.phasesN < 2) throw new RangeError('--phases-n must be 2 or more (one candidate runs no lock step)');
  const ns = [...new Set([1, options.phasesN, ...options.n])].sort((a, b) => a - b);
  const startedAt = new Date();

  console.log(`consensus-cost: engine floor (decode steps of N tokens), N = ${ns.join(', ')}`);
  const floor = await measureEngineSteps(options.model, ns, options.threads, 16, options.reps);
  const phase = (): string => `${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`;
  console.log(`consensus-cost: engine floor done at ${phase()}; in-process swarm, batched vs one after another, ${options.tokens} tokens, median of ${options.reps}`);
  const profile = new LoopProfile();
  const engine = await LlamaEngine.load({ modelPath: options.model, sequences: Math.max(...ns), contextSize: 256, threads: options.threads, logger: silentLogger, loopProfile: profile });
  const swarm = Swarm.onEngine(engine, { modelPath: options.model, modelId: 'bench', maxQueue: 4 });
  const swarmCosts = await measureSwarmCost(swarm, ns, options.tokens, options.reps);
  console.log(`consensus-cost: in-process phases of N=${options.phasesN} at ${phase()}`);
  const phases = await measureLoopPhases(swarm, profile, options.phasesN, options.tokens, options.reps).finally(() => swarm.stop());
  console.log(`consensus-cost: in-process done at ${phase()}; through the whole node (HTTP /v1/completions), one node per N, median of ${options.reps}`);
  const nodeCosts = await measureNodeCost(ns, { model: options.model, threads: options.threads, maxTokens: options.tokens, repetitions: options.reps });

  console.log(`consensus-cost: node done at ${phase()}`);
  const viaNode = ratiosToSingle(nodeCosts.map((cost) => ({ n: cost.n, ms: cost.ms })));
  const batched = ratiosToSingle(swarmCosts.map((cost) => ({ n: cost.n, ms: cost.batchedMs })));
  const sequential = ratiosToSingle(swarmCosts.map((cost) => ({ n: cost.n, ms: cost.sequentialMs })));
  const decode = ratiosToSingle(floor.map((cost) => ({ n: cost.n, ms: cost.decodeMs })));
  const decodeAndSample = ratiosToSingle(floor.map((cost) => ({ n: cost.n, ms: cost.decodeAndSampleMs })));
  const at = (rows: readonly { n: number; ratio: number }[], n: number): number => rows.find((row) => row.n === n)?.ratio ?? Number.NaN;
  const floorStepMs = floor.find((cost) => cost.n === options.phasesN)?.decodeAndSampleMs ?? Number.NaN;
  const phasesTable = phaseTable(phases, floorStepMs, options.reps);
  const tokensOk =
    swarmCosts.every((cost) => cost.tokens.every((count) => count === options.tokens)) &&
    nodeCosts.every((cost) => cost.completionTokens === cost.n * options.tokens);

  const table: BenchTable = {
    title: `Wall time of N candidates × ${options.tokens} tokens (median of ${options.reps}) and one decode step (median of ${options.reps} rounds of 16 steps)`,
    columns: ['N', 'node (HTTP) ms', 'node / N=1', 'batched ms', 'batched / N=1', 'one after another ms', 'one after another / N=1', 'decode step ms', 'decode / N=1', 'decode+sample ms', 'decode+sample / N=1'],
    rows: ns.map((n, index) => [
      n,
      Math.round(viaNode[index]?.ms ?? Number.NaN),
      Number(at(viaNode, n).toFixed(2)),
      Math.round(batched[index]?.ms ?? Number.NaN),
      Number(at(batched, n).toFixed(2)),
      Math.round(sequential[index]?.ms ?? Number.NaN),
      Number(at(sequential, n).toFixed(2)),
      Number((decode[index]?.ms ?? Number.NaN).toFixed(1)),
      Number(at(decode, n).toFixed(2)),
      Number((decodeAndSample[index]?.ms ?? Number.NaN).toFixed(1)),
      Number(at(decodeAndSample, n).toFixed(2)),
    ]),
  };
  const durationSeconds = (Date.now() - startedAt.getTime()) / 1000;
  const file = writeBenchResult({
    name: 'consensus-cost',
    title: 'Consensus cost: N candidates vs one',
    command: 'node tools/bench/dist/consensus-cost/main.js',
    startedAt: startedAt.toISOString(),
    durationSeconds,
    summary: [
      ...targetLines({ viaNode: (n) => at(viaNode, n), batched: (n) => at(batched, n) }, phases, floorStepMs),
      `One after another, 4 candidates cost ${formatRatio(at(sequential, 4))} and 8 cost ${formatRatio(at(sequential, 8))}; batched through the node, 8 cost ${formatRatio(at(viaNode, 8))}.`,
      `The engine's own floor: one llama.cpp decode step holding 4 tokens (no sampling) costs ${formatRatio(at(decode, 4))} a step of 1 token, so no lock-step loop on this machine and model can do 4 candidates for less than about that; sampling each sequence adds to it (table).`,
      tokensOk ? `Every candidate generated exactly ${options.tokens} tokens (the prompt never stops).` : `Some candidates stopped before ${options.tokens} tokens: ${swarmCosts.map((cost) => `N=${cost.n}: ${cost.tokens.join('/')}`).join('; ')}.`,
    ],
    tables: [table, phasesTable],
    notes: [
      describeMachine(),
      `Model ${path.basename(options.model)}, ${options.threads} threads, temperature 0.7, top_p 0.95, each candidate its own seed; batched and one-after-another use the same seeds.`,
      `A node's step gets slower with its instance count even for one candidate: N=1 took ${Math.round(nodeCosts[0]?.ms ?? Number.NaN)} ms on a 1-instance node and ${Math.round(swarmCosts[0]?.batchedMs ?? Number.NaN)} ms in process on an ${Math.max(...ns)}-instance swarm (one context holding every instance's KV cells), which is why the in-process ratios read lower than the node's; the node figures (N instances for N candidates) are the ones a user sees.`,
      'The decode-step columns come from node-llama-cpp directly (N sequences of one context, one token each per step, median of 16 steps per round); "decode" asks for no logits, "decode+sample" samples every sequence, as generation does. Their N=1 figures are the least stable of the table (a step of ~10-20 ms).',
      'Via the node = a node process started with --instances N (its instances are its candidates), asked over HTTP by a client in this process (majority, temperature 0.7, seed 1000); one node per N, all started before measuring, asked in turn.',
      `Phases: the engine reports into a LoopProfile (three clock reads per step); "awaiting the next tokens" is node-llama-cpp's decode and sampling of every live candidate plus its generators' overhead, the floor row is measured apart (node-llama-cpp alone), so their difference is what the generators cost over controlledEvaluate; the early-exit row replays the run's ${options.phasesN} candidates arriving one by one through isVoteDecided (majority).`,
      'Batched in process = one Swarm.generate with N candidates: the prompt is decoded once and its KV cells copied to the other sequences, then every step decodes one token per live candidate in a single llama_decode batch.',
    ],
    charts: [
      {
        title: 'Cost of N candidates, relative to one',
        xLabel: 'candidates (N)',
        yLabel: 'wall time / time of N=1',
        series: [
          { name: 'one after another', points: sequential.map((row) => ({ x: row.n, y: row.ratio })) },
          { name: 'batched, via the node (HTTP)', points: viaNode.map((row) => ({ x: row.n, y: row.ratio })) },
          { name: 'batched, in process', points: batched.map((row) => ({ x: row.n, y: row.ratio })) },
          { name: 'engine: decode+sample step', points: decodeAndSample.map((row) => ({ x: row.n, y: row.ratio })) },
          { name: 'engine: decode step', points: decode.map((row) => ({ x: row.n, y: row.ratio })) },
        ],
      },
    ],
  });
  console.log(table.columns.join('\t'));
  for (const row of table.rows) console.log(row.join('\t'));
  for (const row of phasesTable.rows) console.log(row.join('\t'));
  for (const line of targetLines({ viaNode: (n) => at(viaNode, n), batched: (n) => at(batched, n) }, phases, floorStepMs)) console.log(line);
  console.log(`consensus-cost: wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(`consensus-cost: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
