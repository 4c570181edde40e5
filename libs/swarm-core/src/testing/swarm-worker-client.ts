import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Jest-side client of test-harness/swarm-worker.cjs: each call is one JSON line out, one back.
 * See the worker for why model tests run the library in a separate process.
 */
export class SwarmWorkerClient {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { id: number; result?: unknown; error?: string };
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.once('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`worker exited with ${String(code)}: ${this.stderr}`));
      this.pending.clear();
    });
  }

  static spawn(): SwarmWorkerClient {
    const worker = join(__dirname, '..', '..', 'test-harness', 'swarm-worker.cjs');
    return new SwarmWorkerClient(spawn(process.execPath, [worker], { env: { ...process.env, NODE_OPTIONS: '' } }));
  }

  call<T>(op: string, args: unknown = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as T), reject });
      this.child.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.call('stop').catch(() => this.child.kill('SIGKILL'));
    await exited;
  }
}
