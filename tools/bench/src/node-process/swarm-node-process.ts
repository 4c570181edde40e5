import { spawn } from 'node:child_process';
import path from 'node:path';
import { registerChild } from './child-registry';
import { findListeningUrl } from './listening-url';

/** Repository root (this file is tools/bench/dist/node-process/ once built). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** The built node, run exactly as a user would: `node apps/swarm-node/dist/main.js`. */
export const SWARM_NODE_ENTRY = path.join(REPO_ROOT, 'apps', 'swarm-node', 'dist', 'main.js');

/** Characters of a running node's output kept for error messages. */
const MAX_KEPT_OUTPUT = 64_000;

export interface SwarmNodeLaunch {
  /** Node CLI flags besides --host/--port, e.g. ['--instances', '3', '--threads', '2']. */
  readonly args: readonly string[];
  /** Give up (and kill the process) after this long without the banner; default 90 s. */
  readonly startTimeoutMs?: number;
}

export interface RunningSwarmNode {
  /** e.g. http://127.0.0.1:43287 */
  readonly url: string;
  /** The node's own pid (no shell in between), for /proc/<pid>. */
  readonly pid: number;
  /** Everything the node printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs` (default 10 s); resolves on exit. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a node on loopback (127.0.0.1, a free port chosen by the OS) and resolves once its banner
 * shows the URL. Benchmarks in the machine's root namespace must not federate: a launch asking
 * for federation or a host is refused here rather than trusted.
 */
export function startSwarmNode(launch: SwarmNodeLaunch): Promise<RunningSwarmNode> {
  const refused = launch.args.find((arg) => /^--(federation|enable-federation|peer|host|port)\b/.test(arg));
  if (refused !== undefined) throw new Error(`startSwarmNode runs loopback-only nodes; ${refused} is not allowed here`);
  const child = spawn(process.execPath, [SWARM_NODE_ENTRY, '--host', '127.0.0.1', '--port', '0', ...launch.args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  registerChild(child);
  const pid = child.pid;
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (graceMs = 10_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    if (pid === undefined) {
      reject(new Error(`could not start ${SWARM_NODE_ENTRY}`));
      return;
    }
    const timeoutMs = launch.startTimeoutMs ?? 90_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the node did not start within ${timeoutMs} ms; its output:\n${output}`));
    }, timeoutMs);
    let ready = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // Once listening, keep only the tail: a node serving many requests logs a line for each.
      if (ready && output.length > MAX_KEPT_OUTPUT) output = output.slice(-MAX_KEPT_OUTPUT);
      const url = ready ? null : findListeningUrl(output);
      if (url === null) return;
      ready = true;
      clearTimeout(timer);
      resolve({ url, pid, output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`the node exited (${String(child.exitCode ?? child.signalCode)}) before listening; its output:\n${output}`));
    });
  });
}
