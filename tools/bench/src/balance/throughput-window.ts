import type { HostRef, NodeLan } from '@local-swarm/test-netns';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClientLoop } from '../lan/client-loop';
import { requestCompletion } from '../lan/request-completion';
import type { RequestOutcome } from '../lan/request-outcome';

export interface WindowLoad {
  /** Where the clients run (inside this host's namespace). */
  readonly from: HostRef;
  /** Completion URLs the clients send to, round robin over the clients (one URL: every client asks that node). */
  readonly urls: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Clients, each with one request in flight at a time. */
  readonly concurrency: number;
  /** Load before the window opens, so it opens on a steady state. */
  readonly warmupMs: number;
  readonly windowMs: number;
}

export interface WindowRun {
  /** Every request of the run that ended before the clients hung up (warm-up included). */
  readonly outcomes: readonly RequestOutcome[];
  /** Requests still in flight when the window closed: cut off on purpose, neither completed nor failed. */
  readonly cutOff: number;
  /** The measured window (epoch ms). */
  readonly from: number;
  readonly to: number;
}

/**
 * A closed loop of `concurrency` clients for warm-up + window. When the window closes the clients
 * hang up on the requests still in flight (the nodes stop generating them at once), so no node
 * is left busy for the next window and no time goes to draining queues.
 */
export async function runThroughputWindow(lan: NodeLan, load: WindowLoad): Promise<WindowRun> {
  if (load.urls.length === 0) throw new RangeError('a window needs at least one URL');
  let next = 0;
  const loop = new ClientLoop(() => {
    const url = load.urls[next++ % load.urls.length] ?? '';
    return requestCompletion(lan, load.from, url, load.body, load.headers);
  }, load.concurrency);
  loop.start();
  await sleep(load.warmupMs);
  const from = Date.now();
  await sleep(load.windowMs);
  const to = Date.now();
  const stopped = loop.stop();
  lan.hangUp(load.from);
  const outcomes = await stopped;
  const kept = outcomes.filter((outcome) => outcome.endedAt < to);
  return { outcomes: kept, cutOff: outcomes.length - kept.length, from, to };
}
