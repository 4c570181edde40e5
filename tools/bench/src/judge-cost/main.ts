// Judge cost: median latency of majority vs judge vs judge_merge on the same prompts, side by side
// in one run (one in-process swarm, this node's own model as judge), with the ratios to majority,
// how often the judge was asked (more than one answer group) and how often it was heeded.
//   node tools/bench/dist/judge-cost/main.js [--instances 3] [--tokens 32] [--reps 3] [--prompts 4] [--threads 2] [--model <gguf>]
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import type { StrategyName } from '@local-swarm/consensus';
import { defaultModelPath, runConsensus, sourceJudgeModel, Swarm } from '@local-swarm/swarm-core';
import { Command } from 'commander';
import os from 'node:os';
import path from 'node:path';
import { positiveIntegerOption } from '../support/numeric-flag';
import { timeOnce } from '../support/timing';
import { judgeCostRows, type JudgeRunSample } from './judge-cost-rows';

const PROMPTS = [
  'What is the capital of Australia? Answer in a few words.',
  'Name a fruit that is often red.',
  'What is 7 times 8? Answer with a number.',
  'Give one word that means happy.',
  'Which planet is closest to the Sun?',
  'What colour is the sky on a clear day?',
];
const STRATEGIES: readonly StrategyName[] = ['majority', 'judge', 'judge_merge'];

async function main(): Promise<void> {
  const options = new Command('judge-cost')
    .option('--instances <count>', 'candidates per request', positiveIntegerOption('instances'), 3)
    .option('--tokens <count>', 'max tokens per candidate (and of a merged answer)', positiveIntegerOption('tokens'), 32)
    .option('--reps <count>', 'runs of each prompt per strategy', positiveIntegerOption('reps'), 3)
    .option('--prompts <count>', `prompts used (at most ${PROMPTS.length})`, positiveIntegerOption('prompts'), 4)
    .option('--threads <count>', 'CPU threads', positiveIntegerOption('threads'), os.cpus().length)
    .option('--model <path>', 'GGUF model (candidates and judge)', defaultModelPath())
    .parse()
    .opts<{ instances: number; tokens: number; reps: number; prompts: number; threads: number; model: string }>();
  const startedAt = new Date();
  const swarm = await Swarm.start({ modelPath: options.model, modelId: 'judge-cost', instances: options.instances, contextSize: 2048, threads: options.threads, maxQueue: 4 });
  const judge = sourceJudgeModel(swarm);
  const samples: JudgeRunSample[] = [];
  try {
    for (const prompt of PROMPTS.slice(0, options.prompts)) {
      for (let rep = 0; rep < options.reps; rep++) {
        // Strategies take turns on the same prompt and seed, so drift in machine load hits them alike.
        for (const strategy of STRATEGIES) {
          const request = { prompt: { kind: 'chat' as const, messages: [{ role: 'user' as const, content: prompt }] }, maxTokens: options.tokens, candidates: options.instances, temperature: 0.9, seed: 1000 + rep };
          const { ms, value } = await timeOnce(() => runConsensus(request, [swarm], { strategy, signal: new AbortController().signal, judge }));
          if (!value.ok) throw new Error(`${strategy} failed: ${value.failure.message}`);
          const report = value.run.verdict.judge;
          samples.push({ strategy, ms, applied: value.run.verdict.strategy, judgeTokens: report?.replyTokens ?? 0, judgeAsked: report !== undefined });
          console.log(`judge-cost: ${strategy.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms  ${value.run.verdict.notes.slice(-1).join('')}`);
        }
      }
    }
  } finally {
    await swarm.stop();
  }
  const rows = judgeCostRows(samples);
  for (const row of rows) console.log(`judge-cost: ${row.strategy}: median ${row.medianMs.toFixed(0)} ms, ${row.ratio.toFixed(2)}× majority; judge asked ${row.judgeAsked}/${row.runs}, heeded ${row.heeded}/${row.runs}`);
  const file = writeBenchResult({
    name: 'judge-cost',
    title: 'Judge cost: majority vs judge vs judge_merge',
    command: 'node tools/bench/dist/judge-cost/main.js',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    summary: rows.map((row) => `${row.strategy}: median ${row.medianMs.toFixed(0)} ms, ${row.ratio.toFixed(2)}× majority; judge asked in ${row.judgeAsked} of ${row.runs} runs, the strategy applied as asked in ${row.heeded}.`),
    tables: [
      {
        title: `Latency per request, ${options.instances} candidates × ≤ ${options.tokens} tokens, ${options.prompts} prompts × ${options.reps} runs`,
        columns: ['strategy', 'runs', 'median ms', '/ majority', 'judge asked', 'applied as asked', 'judge tokens (median)'],
        rows: rows.map((row) => [row.strategy, row.runs, Math.round(row.medianMs), Number(row.ratio.toFixed(2)), row.judgeAsked, row.heeded, row.medianJudgeTokens]),
      },
    ],
    notes: [
      describeMachine(),
      `Model ${path.basename(options.model)}, ${options.threads} threads, temperature 0.9, the judge is the same model at temperature 0 (one more sequence after the vote).`,
      'majority keeps its early exit (the node default); judge and judge_merge wait for every candidate, then one more generation when there is more than one answer group.',
      '"applied as asked" counts runs whose verdict names the requested strategy: the rest fell back to majority (one answer group, or a judge reply that named no response).',
    ],
  });
  console.log(`judge-cost: wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
