import { spawn } from 'node:child_process';

/** How a child process ended. `not-found` is a missing executable (ENOENT), not a failed run. */
export type RunResult =
  | { readonly kind: 'exited'; readonly exitCode: number; readonly outputTail: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'spawn-error'; readonly message: string };

/**
 * Runs a command without stdin. `forwardOutput` copies its stdout and stderr to our stderr (our
 * stdout carries only the model path). The last few KiB of output are kept for error messages.
 */
export type RunCommand = (command: string, args: readonly string[], forwardOutput: boolean) => Promise<RunResult>;

const TAIL_BYTES = 4096;

export const runCommand: RunCommand = (command, args, forwardOutput) =>
  new Promise((resolve) => {
    let tail = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer): void => {
      if (forwardOutput) process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'spawn-error', message: error.message });
    });
    child.on('close', (code, signal) => {
      resolve({ kind: 'exited', exitCode: code ?? (signal !== null ? 128 : 1), outputTail: tail });
    });
  });
