import type { ChildProcess } from 'node:child_process';

/**
 * Node processes a benchmark started, killed when the benchmark exits in any way: normally, on an
 * uncaught error, or on SIGINT/SIGTERM (Ctrl-C, or the suite's timeout). A benchmark must never
 * leave a node behind holding a port, a model and CPU time.
 */
const children = new Set<ChildProcess>();
let hooksInstalled = false;

export function registerChild(child: ChildProcess): void {
  installHooks();
  children.add(child);
  child.once('exit', () => children.delete(child));
}

function killAll(): void {
  for (const child of children) {
    // SIGKILL: on the way out there is no time to wait for a graceful stop.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once('exit', killAll);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(code);
    });
  }
}
