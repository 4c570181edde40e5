// Answer quality on one node: for each task one greedy answer and 16 samples
// in one batched call; accuracy of greedy, one sample, majority@k and weighted_vote@k (k = 1, 3,
// 5, 7, 8) from the same samples, bootstrap intervals, tokens, latency, and early exit replayed;
// --judge adds the judge strategy on each task's first 7 samples (the model, no new samples).
//   node tools/eval/dist/answer-quality/main.js [--factual N|all] [--arithmetic N] [--samples 16] [--seed S]
//   node tools/eval/dist/answer-quality/main.js --analyse-only tmp/eval/answer-quality-<time>.jsonl
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import { defaultModelPath, Swarm } from '@local-swarm/swarm-core';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyseRecords } from '../analysis/analyse-records';
import { DEFAULT_MAX_TOKENS, STOP_SEQUENCES, taskPrompt } from '../prompts/task-prompt';
import { RECORD_VERSION, type RunRecord, type TaskRecord } from '../records/answer-record';
import { formatRecord, parseRecords, type RecordsFile } from '../records/records-file';
import { scoreAnswer } from '../scoring/score-answer';
import { loadTasks } from '../tasks/load-tasks';
import { parseAnswerQualityOptions, USAGE, type AnswerQualityOptions } from './answer-quality-options';
import { buildAnswerQualityResult } from './answer-quality-report';
import { HEADLINE_K } from './quality-targets';
import { judgeRecords } from '../judge/judge-records';
import { runTasks } from './run-tasks';

const log = (line: string): void => console.log(`answer-quality: ${line}`);

async function report(records: RecordsFile, recordsFile: string, durationSeconds: number, options: AnswerQualityOptions): Promise<void> {
  const analysis = analyseRecords(records);
  const judge = options.judge ? await judgeRecords(records, { model: options.model, threads: options.threads, contextSize: options.contextSize, k: HEADLINE_K }, log) : undefined;
  const context = { startedAt: records.run.startedAt, durationSeconds, recordsFile, ...(judge === undefined ? {} : { judge }) };
  const result = buildAnswerQualityResult(records, analysis, context);
  for (const line of result.summary) log(line.replace(/\*\*/g, ''));
  log(`wrote ${writeBenchResult(result)}`);
}

async function run(options: AnswerQualityOptions): Promise<void> {
  const startedAt = new Date();
  const modelPath = options.model ?? defaultModelPath();
  const modelId = path.basename(modelPath).replace(/\.gguf$/i, '');
  const loaded = loadTasks({ factual: options.factual, arithmetic: options.arithmetic, seed: options.seed });
  const maxTokens = {
    factual: options.maxTokensFactual ?? DEFAULT_MAX_TOKENS.factual,
    arithmetic: options.maxTokensArithmetic ?? DEFAULT_MAX_TOKENS.arithmetic,
  };
  const header: RunRecord = {
    type: 'run',
    version: RECORD_VERSION,
    startedAt: startedAt.toISOString(),
    model: path.basename(modelPath),
    modelId,
    seed: options.seed,
    samples: options.samples,
    temperature: options.temperature,
    topP: options.topP,
    maxTokens,
    stop: STOP_SEQUENCES,
    contextSize: options.contextSize,
    threads: options.threads,
    factualSetSize: loaded.factualSetSize,
    factualCount: loaded.factual.length,
    arithmeticCount: loaded.arithmetic.length,
    machine: describeMachine(),
  };
  mkdirSync(path.dirname(options.records), { recursive: true });
  writeFileSync(options.records, formatRecord(header));
  log(`${loaded.factual.length} factual + ${loaded.arithmetic.length} arithmetic tasks, ${options.samples} samples each; records in ${options.records}`);

  const swarm = await Swarm.start({ modelPath, modelId, instances: options.samples, contextSize: options.contextSize, threads: options.threads, maxQueue: 4 });
  // A Ctrl-C or the suite's SIGTERM stops after the current task; what is done is still reported.
  const stop = new AbortController();
  const onSignal = (): void => {
    log('stopping after the current task');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const tasks: TaskRecord[] = [];
  try {
    for (const task of loaded.tasks) {
      const checked = swarm.check({ prompt: taskPrompt(task), maxTokens: maxTokens[task.family], candidates: options.samples });
      if (!checked.ok) throw new Error(`${task.id} does not fit: ${checked.failure.message} (raise --context-size)`);
    }
    log(`model loaded in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s`);
    await runTasks(
      swarm,
      loaded.tasks,
      { seed: options.seed, samples: options.samples, temperature: options.temperature, topP: options.topP, maxTokens, stop: STOP_SEQUENCES },
      (record, done) => {
        tasks.push(record);
        appendFileSync(options.records, formatRecord(record));
        const greedy = record.greedy.samples[0]?.text ?? '';
        const right = record.sampled.samples.filter((sample) => scoreAnswer(record.task, sample.text)).length;
        const seconds = (record.greedy.wallMs + record.sampled.wallMs) / 1000;
        log(`${done}/${loaded.tasks.length} ${record.task.id} greedy ${scoreAnswer(record.task, greedy) ? 'right' : 'wrong'}, samples ${right}/${record.sampled.samples.length} right (${seconds.toFixed(1)} s)`);
      },
      stop.signal,
    );
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await swarm.stop();
  }
  const durationSeconds = (Date.now() - startedAt.getTime()) / 1000;
  appendFileSync(options.records, formatRecord({ type: 'end', durationSeconds, completedTasks: tasks.length }));
  if (tasks.length === 0) throw new Error('no task completed');
  await report(parseRecords(readFileSync(options.records, 'utf8')), options.records, durationSeconds, options);
}

async function main(): Promise<void> {
  let options: AnswerQualityOptions;
  try {
    options = parseAnswerQualityOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`answer-quality: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  if (options.analyseOnly !== undefined) {
    const records = parseRecords(readFileSync(options.analyseOnly, 'utf8'));
    if (records.tasks.length === 0) throw new Error(`${options.analyseOnly} holds no task records`);
    // A run cut off before its end line: its model calls are most of its time.
    const callSeconds = records.tasks.reduce((sum, task) => sum + task.greedy.wallMs + task.sampled.wallMs, 0) / 1000;
    await report(records, options.analyseOnly, records.end?.durationSeconds ?? callSeconds, options);
    return;
  }
  await run(options);
}

main().catch((error: unknown) => {
  console.error(`answer-quality: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
