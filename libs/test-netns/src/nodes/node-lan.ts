import type { ChildProcess } from 'node:child_process';
import { TestNetnsError, TestNetnsErrorCode } from '../errors/test-netns-error';
import { createLan, type HostRef, type Lan } from '../lan/create-lan';
import type { CreateLanOptions, LanHost } from '../plan/lan-plan';
import { HTTP_DRIVER_SCRIPT, HttpDriver } from './http-driver';
import type { HttpReply } from './http-reply';
import type { LanNode, StartNodeOptions } from './lan-node';
import { LOCAL_SWARM_API_PORT, LOCAL_SWARM_NODE_CLI, type NodeCli } from './node-cli';
import { nodeCommand } from './node-command';
import { pollUntil } from './poll-until';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface NodeLanOptions {
  /** The node program's JS entry file, run with this process's node binary (the caller knows where it is). */
  readonly entry: string;
  /** How the program is told its address and how it says it is ready; default LOCAL_SWARM_NODE_CLI. */
  readonly cli?: NodeCli;
  /** Port startNode() uses unless told otherwise; default LOCAL_SWARM_API_PORT (17615), as on a real LAN. */
  readonly port?: number;
  /**
   * Environment of the nodes and HTTP drivers; default this process's, minus NODE_OPTIONS (a jest
   * run's loader flags must not reach the nodes).
   */
  readonly env?: NodeJS.ProcessEnv;
}

export type CreateNodeLanOptions = CreateLanOptions & NodeLanOptions;

/** Builds a LAN of namespaces (createLan) ready to run nodes of `entry`. Call destroy() when done. */
export async function createNodeLan(options: CreateNodeLanOptions): Promise<NodeLan> {
  const { hosts, subnet, ...nodeOptions } = options;
  return new NodeLan(await createLan(subnet === undefined ? { hosts } : { hosts, subnet }), nodeOptions);
}

const DEFAULT_START_TIMEOUT_MS = 90_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

/**
 * A LAN of network namespaces (see this lib's README) with node processes on it: real processes,
 * each in its host's namespace, optionally pinned to CPUs. Requests are made from inside a host's
 * namespace by a small driver process there (http-driver.cjs), since the calling process (root
 * namespace) has no route to the LAN. Nothing here touches the machine's own interfaces.
 */
export class NodeLan {
  private readonly drivers = new Map<string, HttpDriver>();
  private readonly nodes = new Set<LanNode>();
  private readonly cli: NodeCli;
  private readonly port: number;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly lan: Lan,
    private readonly options: NodeLanOptions,
  ) {
    this.cli = options.cli ?? LOCAL_SWARM_NODE_CLI;
    this.port = options.port ?? LOCAL_SWARM_API_PORT;
    this.env = options.env ?? { ...process.env, NODE_OPTIONS: '' };
  }

  host(ref: HostRef): LanHost {
    return this.lan.host(ref);
  }

  /**
   * Starts a node on a host (listening on the host's address unless `options.address` says
   * otherwise) and resolves once its output shows it ready. Rejects with
   * TEST_NETNS_ERR_NODE_START_FAILED, carrying the node's output, if it exits or times out first.
   */
  async startNode(ref: HostRef, args: readonly string[], options: StartNodeOptions = {}): Promise<LanNode> {
    const host = this.lan.host(ref);
    const address = options.address ?? host.address;
    const port = options.port ?? this.port;
    const command = nodeCommand({
      execPath: process.execPath,
      entry: this.options.entry,
      args: [...this.cli.addressArgs(address, port), ...args],
      ...(options.cpus !== undefined ? { cpus: options.cpus } : {}),
    });
    const startedAt = Date.now();
    const child = this.lan.exec(host, command.command, command.args, { env: { ...this.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const node = await this.whenReady(child, host, `http://${address}:${port}`, startedAt, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    this.nodes.add(node);
    void node.exited.then(() => this.nodes.delete(node));
    return node;
  }

  /**
   * An HTTP request made from inside `from`'s namespace. Resolves with any status; rejects with
   * TEST_NETNS_ERR_REQUEST_FAILED when no reply came (refused, reset, timed out).
   */
  request(
    from: HostRef,
    method: HttpMethod,
    url: string,
    body?: unknown,
    headers: Readonly<Record<string, string>> = {},
    timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  ): Promise<HttpReply> {
    const requestHeaders = body === undefined ? headers : { 'content-type': 'application/json', ...headers };
    return this.driverFor(from).send({ method, url, headers: requestHeaders, body, timeoutMs });
  }

  /**
   * Kills `from`'s HTTP driver: its requests in flight get no reply (rejected with
   * TEST_NETNS_ERR_REQUEST_FAILED) and their servers see the client hang up. The next request
   * from that host starts a new driver. A benchmark ends a measured window this way instead of
   * waiting for queued requests.
   */
  hangUp(from: HostRef): void {
    const host = this.lan.host(from);
    this.drivers.get(host.name)?.close();
    this.drivers.delete(host.name);
  }

  /** Polls until `check` returns true; resolves with the ms it took, throws TEST_NETNS_ERR_WAIT_TIMED_OUT after `timeoutMs`. */
  waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<number> {
    return pollUntil(what, check, timeoutMs, intervalMs);
  }

  /** Kills the drivers and every node still running (SIGKILL), then destroys the LAN. Idempotent. */
  async destroy(): Promise<void> {
    for (const driver of this.drivers.values()) driver.close();
    this.drivers.clear();
    await Promise.all([...this.nodes].map((node) => node.stop('SIGKILL').catch(() => undefined)));
    await this.lan.destroy();
  }

  private whenReady(child: ChildProcess, host: LanHost, url: string, startedAt: number, timeoutMs: number): Promise<LanNode> {
    let output = '';
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    };
    return new Promise<LanNode>((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(timer);
        reject(new TestNetnsError(TestNetnsErrorCode.NODE_START_FAILED, `node on ${host.label} ${why}; its output:\n${output}`));
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(`was not ready within ${timeoutMs} ms`);
      }, timeoutMs);
      let ready = false;
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (ready || !this.cli.isReady(output)) return;
        ready = true;
        clearTimeout(timer);
        resolve({
          host,
          url,
          process: child,
          pid: child.pid ?? -1,
          startedAt,
          listeningAt: Date.now(),
          output: () => output,
          stop,
          exited,
        });
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then(() => {
        if (!ready) fail(`exited (${String(child.exitCode ?? child.signalCode)}) before it was ready`);
      });
    });
  }

  private driverFor(ref: HostRef): HttpDriver {
    const host = this.lan.host(ref);
    const known = this.drivers.get(host.name);
    if (known !== undefined && known.alive) return known;
    const child = this.lan.exec(host, process.execPath, [HTTP_DRIVER_SCRIPT], { env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const driver = new HttpDriver(child);
    this.drivers.set(host.name, driver);
    return driver;
  }
}
