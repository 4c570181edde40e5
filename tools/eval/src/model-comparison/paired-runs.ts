import type { TaskRecord } from '../records/answer-record';
import type { RecordsFile } from '../records/records-file';

/** The same task answered by the baseline model and by the candidate model. */
export interface PairedTask {
  readonly baseline: TaskRecord;
  readonly candidate: TaskRecord;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every way two runs' settings differ; a paired comparison is only fair when there is none. */
function settingDifferences(baseline: RecordsFile, candidate: RecordsFile): string[] {
  const a = baseline.run;
  const b = candidate.run;
  const checks: readonly (readonly [string, unknown, unknown])[] = [
    ['seed', a.seed, b.seed],
    ['samples', a.samples, b.samples],
    ['temperature', a.temperature, b.temperature],
    ['topP', a.topP, b.topP],
    ['maxTokens', a.maxTokens, b.maxTokens],
    ['stop', a.stop, b.stop],
    ['contextSize', a.contextSize, b.contextSize],
  ];
  return checks.filter(([, left, right]) => !same(left, right)).map(([name, left, right]) => `${name} ${JSON.stringify(left)} vs ${JSON.stringify(right)}`);
}

/** A task's calls must have been made with the same seeds and limits on both sides. */
function callDifferences(baseline: TaskRecord, candidate: TaskRecord): string[] {
  const problems: string[] = [];
  for (const call of ['greedy', 'sampled'] as const) {
    const a = baseline[call];
    const b = candidate[call];
    if (a.seed !== b.seed || a.maxTokens !== b.maxTokens || a.samples.length !== b.samples.length) {
      problems.push(`${baseline.task.id} ${call}: seed ${a.seed}/${b.seed}, max tokens ${a.maxTokens}/${b.maxTokens}, samples ${a.samples.length}/${b.samples.length}`);
    }
  }
  return problems;
}

/**
 * Pairs two answer-quality runs task by task, in the baseline's order. Refuses (throws, naming every
 * difference) unless both ran the same tasks with the same seed and sampling settings: otherwise a
 * difference in accuracy could come from the tasks or the seeds rather than from the models.
 */
export function pairRuns(baseline: RecordsFile, candidate: RecordsFile): PairedTask[] {
  const problems = settingDifferences(baseline, candidate);
  const candidateTasks = new Map(candidate.tasks.map((record) => [record.task.id, record]));
  const baselineIds = new Set(baseline.tasks.map((record) => record.task.id));
  const onlyBaseline = baseline.tasks.filter((record) => !candidateTasks.has(record.task.id)).map((record) => record.task.id);
  const onlyCandidate = candidate.tasks.filter((record) => !baselineIds.has(record.task.id)).map((record) => record.task.id);
  if (onlyBaseline.length > 0) problems.push(`tasks only in the baseline: ${onlyBaseline.slice(0, 10).join(', ')}${onlyBaseline.length > 10 ? ', …' : ''} (${onlyBaseline.length})`);
  if (onlyCandidate.length > 0) problems.push(`tasks only in the candidate: ${onlyCandidate.slice(0, 10).join(', ')}${onlyCandidate.length > 10 ? ', …' : ''} (${onlyCandidate.length})`);
  const pairs: PairedTask[] = [];
  for (const record of baseline.tasks) {
    const other = candidateTasks.get(record.task.id);
    if (other === undefined) continue;
    problems.push(...callDifferences(record, other));
    pairs.push({ baseline: record, candidate: other });
  }
  if (pairs.length === 0 && problems.length === 0) problems.push('neither run holds a task');
  if (problems.length > 0) throw new Error(`the two runs cannot be paired (run both with the same --factual, --arithmetic, --seed and --samples):\n  ${problems.join('\n  ')}`);
  return pairs;
}
