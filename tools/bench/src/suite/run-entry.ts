import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BenchResult } from '@local-swarm/bench-kit';
import type { SuiteEntry } from './suite-entries';

/** Characters of a failed benchmark's output kept for the report. */
const TAIL_CHARS = 3000;
/** After SIGTERM a benchmark gets this long to take down its nodes and namespaces. */
const GRACE_MS = 20_000;

export type EntryRun = { readonly ok: true; readonly result: BenchResult; readonly seconds: number } | { readonly ok: false; readonly error: string; readonly seconds: number };

/**
 * Runs one benchmark as its own process (so a crash or a leaked native thread can't take the
 * suite down), streams its output through, and reads the result file it wrote. The process group
 * is signalled on timeout or when the suite itself is interrupted.
 */
export async function runEntry(entry: SuiteEntry, root: string, resultDir: string, signal: AbortSignal): Promise<EntryRun> {
  const resultFile = path.join(resultDir, `${entry.name}.json`);
  rmSync(resultFile, { force: true }); // a stale file must not pass for this run's result
  const startedAt = Date.now();
  const seconds = (): number => (Date.now() - startedAt) / 1000;
  let tail = '';
  let timedOut = false;
  const child = spawn(process.execPath, [path.join(root, entry.script), ...entry.args], {
    cwd: root,
    env: { ...process.env, LOCAL_SWARM_BENCH_OUT: resultDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
    to.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  };
  child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
  child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
  const stop = (): void => {
    signalGroup(child.pid, 'SIGTERM');
    setTimeout(() => signalGroup(child.pid, 'SIGKILL'), GRACE_MS).unref();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, entry.timeoutSeconds * 1000);
  signal.addEventListener('abort', stop, { once: true });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, spawnError: error }));
    child.once('close', (code, exitSignal) => resolve({ code, signal: exitSignal }));
  });
  clearTimeout(timer);
  signal.removeEventListener('abort', stop);

  if (exit.spawnError !== undefined) return { ok: false, error: `could not start ${entry.script}: ${exit.spawnError.message}`, seconds: seconds() };
  if (timedOut) return { ok: false, error: `timed out after ${entry.timeoutSeconds} s\n${tail}`, seconds: seconds() };
  if (exit.code !== 0) {
    const how = exit.signal !== null ? `killed by ${exit.signal}` : `exit status ${String(exit.code)}`;
    return { ok: false, error: `${how}\n${tail}`, seconds: seconds() };
  }
  if (!existsSync(resultFile)) return { ok: false, error: `it exited 0 but wrote no ${resultFile}\n${tail}`, seconds: seconds() };
  try {
    return { ok: true, result: JSON.parse(readFileSync(resultFile, 'utf8')) as BenchResult, seconds: seconds() };
  } catch (error) {
    return { ok: false, error: `${resultFile} is not JSON: ${String(error)}`, seconds: seconds() };
  }
}

function signalGroup(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, name);
  } catch {
    // Already gone.
  }
}
