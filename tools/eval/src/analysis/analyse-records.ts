import type { RecordsFile } from '../records/records-file';
import { TASK_FAMILIES, type TaskFamily } from '../tasks/eval-task';
import { summariseOutcomes, type FamilySummary } from './summarise-outcomes';
import { analyseTask, type AnalysisSettings, type TaskOutcome } from './task-outcome';

/** Vote sizes reported, and the ones early exit is replayed at. */
export const DEFAULT_KS: readonly number[] = [1, 3, 5, 7, 8];
export const DEFAULT_EARLY_EXIT_KS: readonly number[] = [5, 8];

export interface Analysis {
  readonly outcomes: readonly TaskOutcome[];
  /** One per family present, then 'overall' (all tasks pooled). */
  readonly summaries: readonly FamilySummary[];
}

/** Settings for a records file: the run's model id and seed, the default vote sizes. */
export function defaultAnalysisSettings(records: RecordsFile): AnalysisSettings {
  return { ks: DEFAULT_KS, earlyExitKs: DEFAULT_EARLY_EXIT_KS, modelId: records.run.modelId, seed: records.run.seed };
}

/** Scores every task and summarises each family and all tasks together. Pure: no model needed. */
export function analyseRecords(records: RecordsFile, settings: AnalysisSettings = defaultAnalysisSettings(records)): Analysis {
  const outcomes = records.tasks.map((record) => analyseTask(record, settings));
  const families = TASK_FAMILIES.filter((family) => outcomes.some((outcome) => outcome.family === family));
  const summaries: FamilySummary[] = families.map((family: TaskFamily) =>
    summariseOutcomes(family, outcomes.filter((outcome) => outcome.family === family), settings),
  );
  if (outcomes.length > 0) summaries.push(summariseOutcomes('overall', outcomes, settings));
  return { outcomes, summaries };
}
