import { Swarm, sourceJudgeModel } from '@local-swarm/swarm-core';
import type { RecordsFile } from '../records/records-file';
import type { JudgeOutcome } from './judge-outcome';
import { judgeTask } from './judge-task';

/**
 * The judge's prompt shows up to 8 answers of up to 600 characters each; 1024 tokens hold the
 * few short answers a group of 7 factual or arithmetic samples gives, plus the judge's reply.
 */
export const JUDGE_CONTEXT_SIZE = 1024;

export interface JudgePassSettings {
  readonly modelPath: string;
  readonly modelId: string;
  /** Group size judged: each task's first k samples. */
  readonly k: number;
  readonly threads: number | null;
  readonly contextSize: number;
}

/**
 * Loads the model once (one instance: the judge writes one greedy answer) and runs the judge
 * strategy on each recorded task's first group of k samples, one task after another. `signal`
 * stops between tasks; what is judged by then is returned.
 */
export async function runJudgePass(records: RecordsFile, settings: JudgePassSettings, onOutcome: (outcome: JudgeOutcome, done: number) => void, signal: AbortSignal): Promise<JudgeOutcome[]> {
  const swarm = await Swarm.start({ modelPath: settings.modelPath, modelId: settings.modelId, instances: 1, contextSize: settings.contextSize, threads: settings.threads, maxQueue: 4 });
  const judge = sourceJudgeModel(swarm);
  const outcomes: JudgeOutcome[] = [];
  try {
    for (const record of records.tasks) {
      if (signal.aborted) break;
      const outcome = await judgeTask(record, settings.k, { modelId: settings.modelId, judge, signal });
      if (outcome === null) continue;
      outcomes.push(outcome);
      onOutcome(outcome, outcomes.length);
    }
  } finally {
    await swarm.stop();
  }
  return outcomes;
}
