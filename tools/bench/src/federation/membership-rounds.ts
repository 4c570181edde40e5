import type { LanNode } from '@local-swarm/test-netns';
import { ClientLoop } from '../lan/client-loop';
import { requestCompletion } from '../lan/request-completion';
import type { RequestOutcome } from '../lan/request-outcome';
import { tallyRequests } from '../lan/request-tally';
import type { DepartureSample, DiscoverySample, EventWindow, FederationMode } from './federation-samples';
import { restartB, stopB, type MembershipContext } from './membership-events';
import type { ModeMeasurements } from './mode-report';

const CLIENT_CHAT = { messages: [{ role: 'user', content: 'Name a colour.' }] };

/** One mode's pair through its events: B as it is now, and what was measured so far. */
export class MembershipRun {
  readonly discoveries: DiscoverySample[] = [];
  readonly departures: DepartureSample[] = [];
  readonly windows: EventWindow[] = [];
  readonly outcomes: RequestOutcome[] = [];
  b: LanNode | null = null;

  constructor(
    readonly mode: FederationMode,
    readonly context: MembershipContext,
  ) {}

  /** Starts B for the first time (the first discovery); resolves with B. */
  async firstStart(): Promise<LanNode> {
    const first = await restartB(this.context, 'first start', 'B first start');
    this.discoveries.push(first.sample);
    this.b = first.b;
    return first.b;
  }

  /** The measurements, with the client loop's requests charged to each event's window. */
  measurements(latency: ModeMeasurements['latency']): ModeMeasurements {
    return {
      mode: this.mode,
      latency,
      discoveries: this.discoveries,
      departures: this.departures,
      events: this.windows.map((window) => ({ window, tally: tallyRequests(this.outcomes, { from: window.from, to: window.to, rule: 'overlapping' }) })),
      clientTotal: tallyRequests(this.outcomes),
    };
  }
}

/**
 * `events` SIGTERMs, then `events` kill -9s of each run's B, alternating between the runs event
 * by event. Around each, a client loop sends chat requests to that run's A without pause, so B is
 * usually generating a vote when signalled, and every request in flight is counted.
 */
export async function runMembershipEvents(runs: readonly MembershipRun[], options: { events: number; clientTokens: number }, log: (line: string) => void): Promise<void> {
  for (const kind of ['SIGTERM', 'kill -9'] as const) {
    for (let event = 1; event <= options.events; event++) {
      for (const run of runs) {
        const { lan, a } = run.context;
        const b = run.b;
        if (b === null) throw new Error(`${run.mode}: B was never started`);
        const clients = new ClientLoop(() => requestCompletion(lan, a.host, `${a.url}/v1/chat/completions`, { ...CLIENT_CHAT, max_tokens: options.clientTokens }), 1);
        clients.start();
        try {
          const stopped = await stopB(run.context, b, kind, `${kind} #${event}`);
          run.departures.push(stopped.sample);
          run.windows.push(stopped.window);
          log(`${run.mode}: ${kind} #${event}: A's list changed after ${Math.round(stopped.sample.ms)} ms`);
          const restarted = await restartB(run.context, kind === 'SIGTERM' ? 'after SIGTERM' : 'after kill -9', `restart after ${kind} #${event}`);
          run.discoveries.push(restarted.sample);
          run.windows.push(restarted.window);
          run.b = restarted.b;
          log(`${run.mode}: restart after ${kind} #${event}: healthy ${Math.round(restarted.sample.spawnToHealthyMs)} ms after spawn`);
        } finally {
          run.outcomes.push(...(await clients.stop()));
        }
      }
    }
  }
}
