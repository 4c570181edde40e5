import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './bench-result';

/** Directory the results go to unless LOCAL_SWARM_BENCH_OUT says otherwise (relative to cwd). */
export function benchOutputDir(): string {
  return process.env['LOCAL_SWARM_BENCH_OUT'] ?? path.join('tmp', 'bench');
}

/** Writes `<dir>/<name>.json` and returns its path. */
export function writeBenchResult(result: BenchResult, dir: string = benchOutputDir()): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
