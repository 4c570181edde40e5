import type { HostRef } from '@local-swarm/test-netns';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FederationLan } from './federation-lan';

/** One chunk a raw connection writes, after waiting `delayMs`. */
export interface RawChunk {
  readonly text: string;
  readonly delayMs: number;
}

export interface RawPlan {
  readonly address: string;
  readonly port: number;
  readonly connections?: number;
  readonly chunks: readonly RawChunk[];
  /** How long the connections are watched before the script reports and exits. */
  readonly timeoutMs?: number;
}

export interface RawResult {
  /** 0: closed without a status line. */
  readonly status: number | null;
  readonly head: string;
  readonly body: string;
  /** ms from the start until the server (or the script) closed it; null: still open at the end. */
  readonly closedAfterMs: number | null;
}

export interface RawSession {
  /** The status of every connection, once each has one or is closed. */
  readonly statuses: Promise<number[]>;
  /** Every connection's outcome, once all are closed or the plan's timeout passed. */
  readonly done: Promise<RawResult[]>;
  /** Ends the script and its connections at once. */
  kill(): void;
}

/**
 * Raw HTTP from inside a LAN host's namespace (raw-http.cjs), for requests fetch() cannot make:
 * a forged or missing Host header, a body sent slowly, many event streams held open.
 */
export function rawHttp(lan: FederationLan, from: HostRef, plan: RawPlan): RawSession {
  const child: ChildProcess = lan.lan.exec(from, process.execPath, [join(__dirname, 'raw-http.cjs'), JSON.stringify(plan)], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Map<string, (line: unknown) => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    for (let end = output.indexOf('\n'); end >= 0; end = output.indexOf('\n')) {
      const line = JSON.parse(output.slice(0, end)) as { phase: string };
      output = output.slice(end + 1);
      waiters.get(line.phase)?.(line);
    }
  });
  let killed = false;
  const phase = <T>(name: string): Promise<T> => {
    const reported = new Promise<T>((resolve, reject) => {
      waiters.set(name, (line) => resolve(line as T));
      child.once('exit', () => setImmediate(() => reject(new Error(`raw-http exited before reporting ${name}`))));
    });
    // A phase cut short by kill() never settles: the caller ended it on purpose.
    return reported.catch((error: unknown) => {
      if (killed) return new Promise<T>(() => undefined);
      throw error;
    });
  };
  const statuses = phase<{ statuses: number[] }>('statuses').then((line) => line.statuses);
  const done = phase<{ results: RawResult[] }>('done').then((line) => line.results);
  // A phase nobody awaits is no unhandled rejection; whoever awaits it still sees the error.
  for (const unawaited of [statuses, done]) unawaited.catch(() => undefined);
  return {
    statuses,
    done,
    kill: () => {
      killed = true;
      child.kill('SIGKILL');
    },
  };
}

/** A complete HTTP/1.1 request as text, with exactly the headers given (no Host unless listed). */
export function rawRequest(method: string, path: string, headers: Readonly<Record<string, string>>, body = ''): string {
  const lines = [`${method} ${path} HTTP/1.1`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  if (body.length > 0) lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
