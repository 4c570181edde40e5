import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import { setTimeout as sleep } from 'node:timers/promises';
import { readHealthLoad } from '../node-process/completion-reply';
import { readNodeId, waitForPresence } from '../lan/lan-queries';
import { advertisingTimes, findLogTime } from '../lan/node-log';
import type { DepartureKind, DepartureSample, DiscoverySample, EventWindow, RestartKind } from './federation-samples';

export interface MembershipContext {
  readonly lan: NodeLan;
  /** The node that stays up and watches B come and go (its peer list and its log). */
  readonly a: LanNode;
  /**
   * B's id as its own `/health` reports it, null until B first started. It must stay the same
   * across restarts (B keeps its config dir, so its key); a change is an error.
   */
  bId: string | null;
  /** Starts B (same flags, same CPU, same config dir every time); resolves once it listens. */
  readonly startB: () => Promise<LanNode>;
  /** After each event, how long the client loop keeps being charged to it (requests just after count too). */
  readonly settleMs: number;
}

/** Longest a step may take before the benchmark gives up (a node that never shows up is a failure, not a figure). */
const EVENT_TIMEOUT_MS = 60_000;

/**
 * Starts B and times how A comes to list it healthy: from B's spawn, from the moment B began
 * advertising (its own log), and per A's log. A's list is polled from B's spawn on.
 */
export async function restartB(context: MembershipContext, kind: RestartKind, label: string): Promise<{ b: LanNode; sample: DiscoverySample; window: EventWindow }> {
  const { lan, a } = context;
  const spawnedAt = Date.now();
  // A may list B before B's banner is read (B advertises before it prints it): every list polled
  // from the spawn on is kept until B's id is known.
  let bId = context.bId;
  const startAndIdentify = async (): Promise<LanNode> => {
    const started = await context.startB();
    const reported = await readNodeId(lan, a, started);
    if (bId !== null && reported !== bId) throw new Error(`B came back as ${reported}, not ${bId}: its config dir (its key) was not kept`);
    bId = reported;
    return started;
  };
  const healthy = waitForPresence(lan, a, () => bId, 'healthy', { timeoutMs: EVENT_TIMEOUT_MS });
  const [b, healthyAt] = await Promise.all([startAndIdentify(), healthy]);
  context.bId = bId;
  const advertising = advertisingTimes(b.output());
  if (advertising === null) throw new Error(`B never logged "advertising on mDNS"; its output:\n${b.output().slice(-3000)}`);
  const loggedHealthyAt = findLogTime(a.output(), 'peer healthy', { after: b.startedAt, match: { nodeId: bId } });
  await sleep(context.settleMs);
  return {
    b,
    sample: {
      kind,
      spawnToHealthyMs: healthyAt - b.startedAt,
      advertiseToHealthyMs: healthyAt - advertising.startedAt,
      announceToHealthyMs: healthyAt - advertising.announcedAt,
      advertiseToLoggedHealthyMs: loggedHealthyAt === null ? null : loggedHealthyAt - advertising.startedAt,
    },
    window: { label, kind: 'restart', from: spawnedAt, to: healthyAt + context.settleMs },
  };
}

/**
 * Stops B with SIGTERM (it says goodbye on mDNS) or SIGKILL (it just vanishes) while it is
 * generating a vote if one comes within 3 s, and times how A's list shows it: removed after a
 * goodbye, unhealthy after a crash.
 */
export async function stopB(context: MembershipContext, b: LanNode, kind: DepartureKind, label: string): Promise<{ sample: DepartureSample; window: EventWindow }> {
  const { lan, a, bId } = context;
  if (bId === null) throw new Error('stopB before B ever started');
  const busyWhenSignalled = await waitUntilBusy(lan, a, b, 3_000);
  const signalledAt = Date.now();
  const exited = b.stop(kind === 'SIGTERM' ? 'SIGTERM' : 'SIGKILL');
  const seenAt = await waitForPresence(lan, a, bId, kind === 'SIGTERM' ? 'absent' : 'unhealthy', { timeoutMs: EVENT_TIMEOUT_MS });
  // A graceful stop that hangs must not hold the benchmark: 15 s, then SIGKILL.
  const forced = setTimeout(() => b.process.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
  const loggedAt = findLogTime(a.output(), kind === 'SIGTERM' ? 'peer left' : 'peer unhealthy', { after: signalledAt, match: { nodeId: bId } });
  await sleep(context.settleMs);
  return {
    sample: { kind, ms: seenAt - signalledAt, loggedMs: loggedAt === null ? null : loggedAt - signalledAt, busyWhenSignalled },
    window: { label, kind, from: signalledAt, to: seenAt + context.settleMs },
  };
}

/**
 * Polls B's load (its `GET /health`, from A's namespace: a paired node's federation health is
 * sealed) until it is generating; false if it was not within `timeoutMs`.
 */
async function waitUntilBusy(lan: NodeLan, a: LanNode, b: LanNode, timeoutMs: number): Promise<boolean> {
  return lan
    .waitFor(
      'B to be generating',
      async () => {
        const reply = await lan.request(a.host, 'GET', `${b.url}/health`, undefined, {}, 2_000);
        return (readHealthLoad(reply.json<unknown>())?.busyInstances ?? 0) > 0;
      },
      timeoutMs,
      10,
    )
    .then(
      () => true,
      () => false,
    );
}
