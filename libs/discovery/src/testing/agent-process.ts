import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Lan, LanHost } from '@local-swarm/test-netns';

/** One JSON line printed by test-harness/discovery-agent.cjs. */
export interface AgentEvent {
  readonly event: string;
  readonly t: number;
  readonly [field: string]: unknown;
}

/** The peer as the agent prints it (lastSeen as an ISO string). */
export interface AgentPeer {
  readonly nodeId: string;
  readonly name: string;
  readonly address: string;
  readonly addresses: readonly string[];
  readonly port: number;
  readonly version: string;
  readonly protocol: number;
  readonly instances: number;
  readonly modelId: string;
  readonly hardwareSummary: string;
  readonly lastSeen: string;
}

export const AGENT_SCRIPT = join(__dirname, '..', '..', 'test-harness', 'discovery-agent.cjs');
export const BAD_TXT_SCRIPT = join(__dirname, '..', '..', 'test-harness', 'bad-txt-advertiser.cjs');

export interface AgentConfig {
  readonly nodeId: string;
  /** Advertise under this name; omit to only browse. */
  readonly name?: string;
  readonly peerTtlMs?: number;
  readonly queryIntervalMs?: number;
  readonly discover?: boolean;
}

/** A discovery-agent.cjs process inside one namespace host, its events collected as they arrive. */
export class AgentProcess {
  readonly events: AgentEvent[] = [];
  readonly startedAt = Date.now();
  readonly stderr: string[] = [];
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(
    lan: Lan,
    readonly host: LanHost,
    readonly config: AgentConfig,
  ) {
    const agentConfig = {
      interfaceName: host.iface,
      address: host.address,
      nodeId: config.nodeId,
      peerTtlMs: config.peerTtlMs,
      queryIntervalMs: config.queryIntervalMs,
      discover: config.discover ?? true,
      advertise:
        config.name === undefined
          ? undefined
          : {
              name: config.name,
              nodeId: config.nodeId,
              version: '0.1.0',
              instances: 2,
              modelId: 'test-model',
              hardwareSummary: `test host ${host.label}`,
              apiPort: 17615,
              protocol: 1,
            },
    };
    this.child = lan.exec(host, process.execPath, [AGENT_SCRIPT, JSON.stringify(agentConfig)]);
    if (this.child.stdout) {
      createInterface({ input: this.child.stdout }).on('line', (line) => {
        try {
          this.events.push(JSON.parse(line) as AgentEvent);
        } catch {
          this.events.push({ event: 'unparsable', t: Date.now(), line });
        }
        this.notify();
      });
    }
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.stderr.push(chunk));
    this.child.once('exit', (code, signal) => {
      this.events.push({ event: 'exit', t: Date.now(), code, signal });
      this.notify();
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('agent did not start');
    return this.child.pid;
  }

  /** Waits for the first event (already seen or future) matching; rejects after timeoutMs with the log. */
  waitFor(predicate: (event: AgentEvent) => boolean, timeoutMs: number, what = 'event'): Promise<AgentEvent> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.events.find(predicate);
        if (found === undefined) return false;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== onEvent);
        resolve(found);
        return true;
      };
      const onEvent = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== onEvent);
        reject(new Error(`${this.host.label} (${this.config.nodeId}): no ${what} within ${timeoutMs} ms; events:\n${this.dump()}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(onEvent);
    });
  }

  /** Events of one kind about one peer node id. */
  peerEvents(kind: string, nodeId?: string): AgentEvent[] {
    return this.events.filter((e) => e.event === kind && (nodeId === undefined || (e['peer'] as AgentPeer | undefined)?.nodeId === nodeId));
  }

  waitForPeer(kind: 'peer-joined' | 'peer-left' | 'peer-updated', nodeId: string, timeoutMs: number): Promise<AgentEvent> {
    return this.waitFor((e) => e.event === kind && (e['peer'] as AgentPeer | undefined)?.nodeId === nodeId, timeoutMs, `${kind} of ${nodeId}`);
  }

  /** Asks the agent for its peer table. */
  async peers(timeoutMs = 2_000): Promise<AgentPeer[]> {
    const before = this.events.length;
    this.send('peers');
    const reply = await this.waitFor((e) => e.event === 'peers' && this.events.indexOf(e) >= before, timeoutMs, 'peers reply');
    return reply['peers'] as AgentPeer[];
  }

  send(command: string): void {
    this.child.stdin?.write(`${command}\n`);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  dump(): string {
    const lines = this.events.map((e) => JSON.stringify(e));
    return [...lines, ...this.stderr.map((s) => `stderr: ${s}`)].join('\n');
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
