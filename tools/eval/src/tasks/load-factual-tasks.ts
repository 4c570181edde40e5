import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FactualTask } from './eval-task';
import { parseFactualSet } from './factual-set';

/**
 * tools/eval/data/factual.json, found relative to this file: two levels up from src/tasks (specs)
 * and from dist/tasks (the built runner) alike.
 */
export const FACTUAL_SET_PATH = path.resolve(__dirname, '..', '..', 'data', 'factual.json');

/** Every factual question of the set, in file order; throws when the file is invalid. */
export function loadFactualTasks(file: string = FACTUAL_SET_PATH): FactualTask[] {
  return parseFactualSet(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}
