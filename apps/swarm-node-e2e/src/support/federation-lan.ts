import { createLan, type Lan, type LanHost } from '@local-swarm/test-netns';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { NODE_ENTRY } from './swarm-node-process';

/** The API port every node uses on its own host, as on a real LAN. */
export const API_PORT = 17615;

export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  json<T>(): T;
}

/** A swarm node running inside one host of the LAN. */
export interface LanNode {
  readonly host: LanHost;
  readonly url: string;
  readonly process: ChildProcess;
  /** When the process was spawned (epoch ms). */
  readonly startedAt: number;
  /** When the banner appeared (epoch ms); advertising started up to ~1.5 s before. */
  readonly listeningAt: number;
  output(): string;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A LAN of network namespaces (../shared/netns.md) with swarm nodes on it. Requests are made from
 * inside a host's own namespace by a small driver process there, since the test process (root
 * namespace) has no route to the LAN. Nothing here touches the machine's own interfaces.
 */
export class FederationLan {
  private readonly drivers = new Map<string, HttpDriver>();
  private readonly nodes: LanNode[] = [];

  private constructor(readonly lan: Lan) {}

  static async create(hosts: readonly string[]): Promise<FederationLan> {
    return new FederationLan(await createLan({ hosts }));
  }

  host(label: string): LanHost {
    return this.lan.host(label);
  }

  /** Starts a node on `label`'s address (or `options.address`) and waits for its banner. */
  async startNode(label: string, args: readonly string[], options: { address?: string; port?: number } = {}): Promise<LanNode> {
    const host = this.lan.host(label);
    const address = options.address ?? host.address;
    const port = options.port ?? API_PORT;
    const startedAt = Date.now();
    const child = this.lan.exec(host, process.execPath, [NODE_ENTRY, '--host', address, '--port', String(port), ...args], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const node = await new Promise<LanNode>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`node on ${label} did not start:\n${output}`)), 90_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (/listening\s+http:\/\/\S+/.test(output) && /\n {2}API /.test(output)) {
          clearTimeout(timer);
          resolve({
            host,
            url: `http://${address}:${port}`,
            process: child,
            startedAt,
            listeningAt: Date.now(),
            output: () => output,
            stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
              if (child.exitCode === null && child.signalCode === null) child.kill(signal);
              await exited;
            },
          });
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`node on ${label} exited before listening:\n${output}`));
      });
    });
    this.nodes.push(node);
    return node;
  }

  /** An HTTP request made from inside `fromLabel`'s namespace. */
  async request(
    fromLabel: string,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
    timeoutMs = 120_000,
  ): Promise<HttpReply> {
    const driver = this.driverFor(fromLabel);
    const requestHeaders = body === undefined ? headers : { 'content-type': 'application/json', ...headers };
    return driver.send({ method, url, headers: requestHeaders, body, timeoutMs });
  }

  /** Polls until `check` returns true; throws with `what` after `timeoutMs`. Returns the time it took. */
  async waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (await check().catch(() => false)) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }

  async destroy(): Promise<void> {
    for (const driver of this.drivers.values()) driver.close();
    await Promise.all(this.nodes.map((node) => node.stop('SIGKILL').catch(() => undefined)));
    await this.lan.destroy();
  }

  private driverFor(label: string): HttpDriver {
    const host = this.lan.host(label);
    const known = this.drivers.get(host.name);
    if (known !== undefined && !known.closed) return known;
    const child = this.lan.exec(host, process.execPath, [join(__dirname, 'http-driver.cjs')], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const driver = new HttpDriver(child);
    this.drivers.set(host.name, driver);
    return driver;
  }
}

class HttpDriver {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: HttpReply) => void; reject: (error: Error) => void }>();
  closed = false;

  constructor(private readonly child: ChildProcess) {
    if (child.stdout === null || child.stdin === null) throw new Error('driver needs piped stdio');
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as { id: number; status?: number; headers?: Record<string, string>; text?: string; error?: string };
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (waiter === undefined) return;
      if (message.error !== undefined) {
        waiter.reject(new Error(message.error));
        return;
      }
      const text = message.text ?? '';
      waiter.resolve({ status: message.status ?? 0, headers: message.headers ?? {}, text, json: <T>() => JSON.parse(text) as T });
    });
    child.once('exit', () => {
      this.closed = true;
      for (const waiter of this.pending.values()) waiter.reject(new Error('http driver exited'));
      this.pending.clear();
    });
  }

  send(command: { method: string; url: string; headers: Record<string, string>; body: unknown; timeoutMs: number }): Promise<HttpReply> {
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
}
