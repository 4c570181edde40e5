import type { Swarm } from '@local-swarm/swarm-core';
import { performance } from 'node:perf_hooks';
import { taskPrompt } from '../prompts/task-prompt';
import type { CallRecord, SamplingSettings, TaskRecord } from '../records/answer-record';
import type { EvalTask } from '../tasks/eval-task';
import { taskSeed } from './task-seed';


interface CallSettings {
  readonly candidates: number;
  readonly temperature: number;
  readonly topP: number;
  readonly seed: number;
  readonly maxTokens: number;
  readonly stop: readonly string[];
}

/** One Swarm.generate call, timed, as a record. Throws on a refused or failed generation. */
async function generateCall(swarm: Swarm, task: EvalTask, call: CallSettings): Promise<CallRecord> {
  const { candidates, temperature, topP, seed, maxTokens, stop } = call;
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const outcome = await swarm.generate(
    { prompt: taskPrompt(task), maxTokens, candidates, temperature, topP, seed, stop },
    { signal: new AbortController().signal, elapsedMs: () => performance.now() - startedAt },
  );
  const wallMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuAtStart);
  if (!outcome.ok) throw new Error(`${task.id}: ${outcome.failure.code}: ${outcome.failure.message}`);
  return {
    seed,
    temperature,
    topP,
    maxTokens,
    stop,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    promptTokens: outcome.usage.promptTokens,
    samples: [...outcome.candidates]
      .sort((a, b) => a.sequence - b.sequence)
      .map((candidate) => ({
        text: candidate.text,
        score: candidate.score,
        completionTokens: candidate.completionTokens ?? 0,
        finishReason: candidate.finishReason,
      })),
  };
}

/**
 * For each task: one greedy answer (temperature 0, one candidate), then all samples in ONE call
 * (the lock-step batch the node uses for a request's candidates). Tasks run one after another;
 * `onRecord` gets each task's record as soon as it is done (so a cut-off run keeps its work).
 * `signal` stops between tasks.
 */
export async function runTasks(
  swarm: Swarm,
  tasks: readonly EvalTask[],
  settings: SamplingSettings,
  onRecord: (record: TaskRecord, done: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let done = 0;
  for (const task of tasks) {
    if (signal?.aborted === true) return;
    const seed = taskSeed(settings.seed, task.id);
    const shared = { seed, maxTokens: settings.maxTokens[task.family], stop: settings.stop[task.family] };
    const greedy = await generateCall(swarm, task, { ...shared, candidates: 1, temperature: 0, topP: 1 });
    const sampled = await generateCall(swarm, task, { ...shared, candidates: settings.samples, temperature: settings.temperature, topP: settings.topP });
    onRecord({ type: 'task', task, greedy, sampled }, ++done);
  }
}
