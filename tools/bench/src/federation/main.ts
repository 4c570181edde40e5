// Federation: two real nodes in network namespaces, each pinned to its own core.
// Added latency of a peer's vote vs the same generation done locally; discovery time; kill -9 to
// unhealthy; SIGTERM to removed; client requests failed meanwhile.
//   node tools/bench/dist/federation/main.js [--reps 5] [--events 3] [--tokens 32] [--instances 1]
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import { Command } from 'commander';
import path from 'node:path';
import { withBenchLan } from '../lan/bench-lan';
import { ClientLoop } from '../lan/client-loop';
import { requestCompletion } from '../lan/request-completion';
import { tallyRequests } from '../lan/request-tally';
import { federationReport, type FederationMeasurements, type FederationSettings } from './federation-report';
import type { DepartureSample, DiscoverySample, EventWindow } from './federation-samples';
import { restartB, stopB, type MembershipContext } from './membership-events';
import { measureVoteLatency } from './vote-latency';
import { positiveIntegerOption } from '../support/numeric-flag';

const A_ID = 'bench-a';
const B_ID = 'bench-b';
/** Distinct ports: both namespaces share the machine's hostname, and the mDNS name holds host and port. */
const A_PORT = 17615;
const B_PORT = 17616;
const COUNTING_PROMPT = 'Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,';
const CLIENT_CHAT = { messages: [{ role: 'user', content: 'Name a colour.' }] };

interface Options {
  reps: number;
  events: number;
  tokens: number;
  clientTokens: number;
  instances: number;
  settleMs: number;
  model?: string;
}

async function main(): Promise<void> {
  const options = new Command('federation')
    .description('Federation benchmark: two nodes in network namespaces (needs root, iproute2, taskset)')
    .option('--reps <count>', 'interleaved rounds of the four latency cases (median taken)', positiveIntegerOption('reps'), 5)
    .option('--events <count>', 'SIGTERMs and kill -9s of B, each (median taken)', positiveIntegerOption('events'), 3)
    .option('--tokens <count>', 'max_tokens of the latency requests', positiveIntegerOption('tokens'), 32)
    .option('--client-tokens <count>', "max_tokens of the client loop's chat requests during events", positiveIntegerOption('client-tokens'), 8)
    .option('--instances <count>', 'instances (candidates) per node', positiveIntegerOption('instances'), 1)
    .option('--settle-ms <ms>', 'how long after each event its window stays open', positiveIntegerOption('settle-ms'), 1000)
    .option('--model <path>', 'GGUF model (default: the node\'s default model)')
    .parse()
    .opts<Options>();
  const startedAt = new Date();
  // Open federation: the nodes are known by the --node-id they are given (a paired node's id is
  // derived from its key); sealed and open votes are compared in libs/federation-protocol's README.
  const nodeArgs = (nodeId: string): string[] => [
    '--federation',
    '--federation-open',
    '--node-id',
    nodeId,
    '--threads',
    '1',
    '--instances',
    String(options.instances),
    '--context-size',
    '512',
    ...(options.model !== undefined ? ['--model', options.model] : []),
  ];

  const measurements = await withBenchLan(['a', 'b'], async (lan) => {
    const log = (line: string): void => console.log(`federation: ${line}`);
    log('starting A (core 0)');
    const a = await lan.startNode('a', nodeArgs(A_ID), { cpus: [0], port: A_PORT });
    const context: MembershipContext = {
      lan,
      a,
      bId: B_ID,
      startB: () => lan.startNode('b', nodeArgs(B_ID), { cpus: [1], port: B_PORT }),
      settleMs: options.settleMs,
    };
    const discoveries: DiscoverySample[] = [];
    const departures: DepartureSample[] = [];
    const windows: EventWindow[] = [];

    log('starting B (core 1): first discovery');
    const first = await restartB(context, 'first start', 'B first start');
    discoveries.push(first.sample);
    let b = first.b;
    log(`B healthy in A's list ${Math.round(first.sample.advertiseToHealthyMs)} ms after it began advertising`);

    log(`latency: ${options.reps} interleaved rounds × 4 ways, ${options.tokens} tokens`);
    const latency = await measureVoteLatency(lan, { a, b, aId: A_ID, bId: B_ID }, { prompt: COUNTING_PROMPT, maxTokens: options.tokens, temperature: 0.7, topP: 0.95, candidates: options.instances }, options.reps);

    const clients = new ClientLoop(() => requestCompletion(lan, a.host, `${a.url}/v1/chat/completions`, { ...CLIENT_CHAT, max_tokens: options.clientTokens }), 1);
    clients.start();
    try {
      for (const kind of ['SIGTERM', 'kill -9'] as const) {
        for (let event = 1; event <= options.events; event++) {
          const stopped = await stopB(context, b, kind, `${kind} #${event}`);
          departures.push(stopped.sample);
          windows.push(stopped.window);
          log(`${kind} #${event}: A's list changed after ${Math.round(stopped.sample.ms)} ms`);
          const restarted = await restartB(context, kind === 'SIGTERM' ? 'after SIGTERM' : 'after kill -9', `restart after ${kind} #${event}`);
          discoveries.push(restarted.sample);
          windows.push(restarted.window);
          b = restarted.b;
          log(`restart after ${kind} #${event}: healthy ${Math.round(restarted.sample.spawnToHealthyMs)} ms after spawn`);
        }
      }
    } finally {
      await clients.stop();
    }
    const outcomes = clients.outcomes;
    return {
      latency,
      discoveries,
      departures,
      events: windows.map((window) => ({ window, tally: tallyRequests(outcomes, { from: window.from, to: window.to, rule: 'overlapping' }) })),
      clientTotal: tallyRequests(outcomes),
    };
  });

  const settings: FederationSettings = {
    repetitions: options.reps,
    events: options.events,
    maxTokens: options.tokens,
    instances: options.instances,
    clientMaxTokens: options.clientTokens,
    settleMs: options.settleMs,
  };
  const full: FederationMeasurements = { settings, ...measurements };
  const report = federationReport(full);
  const file = writeBenchResult({
    name: 'federation',
    title: 'Federation: vote latency, discovery, crash and shutdown',
    command: 'node tools/bench/dist/federation/main.js',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    summary: report.summary,
    tables: report.tables,
    notes: [describeMachine(), `Model: ${options.model !== undefined ? path.basename(options.model) : "the node's default (SmolLM2-135M-Instruct Q4_1)"}.`, ...report.notes],
  });
  for (const line of report.summary) console.log(`- ${line}`);
  console.log(`federation: wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(`federation: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
