import type { EndRecord, RunRecord, TaskRecord } from './answer-record';
import { RECORD_VERSION } from './answer-record';

/** A records file read back: the run header, its tasks, and the end line when the run finished. */
export interface RecordsFile {
  readonly run: RunRecord;
  readonly tasks: readonly TaskRecord[];
  readonly end: EndRecord | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** One JSON line per record. */
export function formatRecord(record: RunRecord | TaskRecord | EndRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/**
 * Parses JSONL written by the runner. The file is ours, so only the framing is checked: the first
 * line is a run record of this version, later lines are task records or one end record. A last line
 * cut off mid-write (the run was killed) is ignored; any other malformed line throws.
 */
export function parseRecords(text: string): RecordsFile {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  let run: RunRecord | undefined;
  const tasks: TaskRecord[] = [];
  let end: EndRecord | undefined;
  lines.forEach((line, index) => {
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      if (index === lines.length - 1 && index > 0) return; // a run killed mid-write
      throw new Error(`line ${index + 1} is not JSON: ${String(error)}`);
    }
    if (!isObject(value)) throw new Error(`line ${index + 1} is not a record`);
    if (index === 0) {
      if (value['type'] !== 'run') throw new Error('the first line is not a run record');
      if (value['version'] !== RECORD_VERSION) throw new Error(`records version ${String(value['version'])}, this analysis reads ${RECORD_VERSION}`);
      run = value as unknown as RunRecord;
    } else if (value['type'] === 'task') tasks.push(value as unknown as TaskRecord);
    else if (value['type'] === 'end') end = value as unknown as EndRecord;
    else throw new Error(`line ${index + 1}: unknown record type ${String(value['type'])}`);
  });
  if (run === undefined) throw new Error('no run record: the file is empty');
  return { run, tasks, end };
}
