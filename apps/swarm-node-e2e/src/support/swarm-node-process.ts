import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

/** Root of the repository (this file is apps/swarm-node-e2e/src/support). */
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
/** The built node; the e2e target depends on swarm-node:build. */
export const NODE_ENTRY = join(REPO_ROOT, 'apps', 'swarm-node', 'bin', 'local-swarm.js');

export interface StartedNode {
  readonly url: string;
  readonly baseURL: string;
  readonly process: ChildProcessWithoutNullStreams;
  /** Everything the node printed so far (stdout + stderr). */
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts a real node process. Single-node tests bind 127.0.0.1 on an ephemeral port and start
 * no discovery. Resolves once the banner shows the listening URL.
 */
export function startSwarmNode(args: readonly string[], timeoutMs = 90_000): Promise<StartedNode> {
  const child = spawn(process.execPath, [NODE_ENTRY, '--host', '127.0.0.1', '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        const url = match[1];
        resolve({
          url,
          baseURL: `${url}/v1`,
          process: child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${String(code)} before listening:\n${output}`));
    });
  });
}

/** Runs the node CLI to completion (for flag errors, --help, --version). */
export function runSwarmNodeCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [NODE_ENTRY, ...args], { cwd: REPO_ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
