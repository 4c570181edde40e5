import type { FinishReason } from '@local-swarm/consensus';
import type { EvalTask, TaskFamily } from '../tasks/eval-task';

/** Bumped when a record's shape changes, so old files are refused rather than misread. */
export const RECORD_VERSION = 1;

/** One generated answer. */
export interface SampleRecord {
  readonly text: string;
  /** Mean natural-log probability of its tokens (the candidate's consensus score); null if none. */
  readonly score: number | null;
  readonly completionTokens: number;
  readonly finishReason: FinishReason;
}

/** One Swarm.generate call: its settings, its wall time and every candidate it produced. */
export interface CallRecord {
  /** Base seed (candidate i sampled with seed + i). */
  readonly seed: number;
  readonly temperature: number;
  readonly topP: number;
  readonly maxTokens: number;
  readonly stop: readonly string[];
  /** Wall time of the whole call, prompt evaluation included. */
  readonly wallMs: number;
  /**
   * CPU time (user + system) of this process during the call. Unlike wall time it barely moves when
   * other processes load the machine, so it is what a run-time estimate for a quiet machine uses.
   */
  readonly cpuMs: number;
  readonly promptTokens: number;
  readonly samples: readonly SampleRecord[];
}

/** How each task was sampled; a run record carries them so the analysis knows what it reads. */
export interface SamplingSettings {
  readonly seed: number;
  /** Sampled answers per task (one call with this many candidates). */
  readonly samples: number;
  readonly temperature: number;
  readonly topP: number;
  readonly maxTokens: Readonly<Record<TaskFamily, number>>;
  readonly stop: Readonly<Record<TaskFamily, readonly string[]>>;
}

/** First line of a records file: how the run was made. */
export interface RunRecord extends SamplingSettings {
  readonly type: 'run';
  readonly version: number;
  readonly startedAt: string;
  /** File name of the GGUF model. */
  readonly model: string;
  /** Model id stamped on candidates (what decide() sees). */
  readonly modelId: string;
  readonly contextSize: number;
  readonly threads: number | null;
  readonly factualSetSize: number;
  readonly factualCount: number;
  readonly arithmeticCount: number;
  /** describeMachine() at the start of the run. */
  readonly machine: string;
}

/** One task: its greedy answer and its sampled answers. */
export interface TaskRecord {
  readonly type: 'task';
  readonly task: EvalTask;
  readonly greedy: CallRecord;
  readonly sampled: CallRecord;
}

/** Last line of a complete run. */
export interface EndRecord {
  readonly type: 'end';
  readonly durationSeconds: number;
  readonly completedTasks: number;
}

export type AnswerRecord = RunRecord | TaskRecord | EndRecord;
