import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TestNetnsError, TestNetnsErrorCode } from '../errors/test-netns-error';
import { parseDriverLine, type HttpReply } from './http-reply';

/** Path of the driver script; it sits beside this file in src/ and, copied by the build, in dist/. */
export const HTTP_DRIVER_SCRIPT = join(__dirname, 'http-driver.cjs');

export interface DriverCommand {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly timeoutMs: number;
}

/**
 * The caller's side of one http-driver.cjs process running inside a namespace: sends it request
 * commands on stdin and matches the replies it writes on stdout by id. Many requests may be in
 * flight at once.
 */
export class HttpDriver {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: HttpReply) => void; reject: (error: Error) => void }>();
  private exited = false;

  constructor(private readonly child: ChildProcess) {
    if (child.stdout === null || child.stdin === null) throw new TypeError('the HTTP driver needs piped stdin and stdout');
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    const onGone = (): void => {
      this.exited = true;
      for (const waiter of this.pending.values()) waiter.reject(new TestNetnsError(TestNetnsErrorCode.REQUEST_FAILED, 'the HTTP driver exited'));
      this.pending.clear();
    };
    child.once('exit', onGone);
    child.once('error', onGone);
  }

  /** False once the driver process is gone (a new one must be started). */
  get alive(): boolean {
    return !this.exited;
  }

  /** Resolves with any HTTP status; rejects (TEST_NETNS_ERR_REQUEST_FAILED) when no reply came. */
  send(command: DriverCommand): Promise<HttpReply> {
    if (this.exited) return Promise.reject(new TestNetnsError(TestNetnsErrorCode.REQUEST_FAILED, 'the HTTP driver exited'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin?.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  }

  close(): void {
    this.child.stdin?.end();
    this.child.kill('SIGKILL');
  }

  private onLine(line: string): void {
    const parsed = parseDriverLine(line);
    if (parsed === null) return;
    const waiter = this.pending.get(parsed.id);
    this.pending.delete(parsed.id);
    if (waiter === undefined) return;
    if (parsed.ok) waiter.resolve(parsed.reply);
    else waiter.reject(new TestNetnsError(TestNetnsErrorCode.REQUEST_FAILED, parsed.error));
  }
}
