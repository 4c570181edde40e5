import { execFile, spawnSync } from 'node:child_process';

export interface IpResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ip <args>`; never rejects (the caller decides what a failure means). */
export function ip(args: readonly string[], timeoutMs = 10_000): Promise<IpResult> {
  return new Promise((resolve) => {
    execFile('ip', [...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ ok: error === null, stdout, stderr: stderr || (error?.message ?? '') });
    });
  });
}

/** Synchronous `ip <args>`, for the process 'exit' hook where nothing asynchronous runs any more. */
export function ipSync(args: readonly string[]): IpResult {
  const result = spawnSync('ip', [...args], { encoding: 'utf8', timeout: 10_000 });
  return {
    ok: result.error === undefined && result.status === 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}

/** Pids of the processes inside a namespace (`ip netns pids`); empty when it is gone. */
export function parsePids(stdout: string): number[] {
  return stdout
    .split(/\s+/)
    .filter((word) => /^\d+$/.test(word))
    .map(Number)
    .filter((pid) => pid > 1);
}

export function killPids(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: fine.
    }
  }
}
