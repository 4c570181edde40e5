// Balance mode: throughput of two federated nodes, each pinned to its own core,
// with requests in `balance` mode, vs one node on one core under the same load.
//   node tools/bench/dist/balance/main.js [--rounds 3] [--window 10] [--concurrency 4] [--tokens 32] [--target a|both]
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import { Command, Option } from 'commander';
import path from 'node:path';
import { withBenchLan } from '../lan/bench-lan';
import { waitForPresence } from '../lan/lan-queries';
import { requestCompletion } from '../lan/request-completion';
import { tallyRequests } from '../lan/request-tally';
import { balanceReport, type BalanceSettings, type BalanceSetup, type BalanceWindow } from './balance-report';
import { runThroughputWindow } from './throughput-window';
import { positiveNumberOption } from '../support/numeric-flag';

const IDS = { a: 'bench-a', b: 'bench-b', solo: 'bench-solo' } as const;
const COUNTING_PROMPT = 'Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,';

interface Options {
  rounds: number;
  window: number;
  warmup: number;
  concurrency: number;
  tokens: number;
  instances: number;
  target: 'a' | 'both';
  model?: string;
}

async function main(): Promise<void> {
  const options = new Command('balance')
    .description('Balance-mode throughput: two nodes on two cores vs one node on one core, in network namespaces (needs root, iproute2, taskset)')
    .option('--rounds <count>', 'windows per setup, the setups alternating (median taken)', positiveNumberOption('rounds'), 3)
    .option('--window <seconds>', 'length of a measured window', positiveNumberOption('window'), 10)
    .option('--warmup <seconds>', 'load before each window opens', positiveNumberOption('warmup'), 1)
    .option('--concurrency <count>', 'clients, each with one request in flight', positiveNumberOption('concurrency'), 4)
    .option('--tokens <count>', 'max_tokens per request', positiveNumberOption('tokens'), 32)
    .option('--instances <count>', 'instances per node (candidates per request)', positiveNumberOption('instances'), 1)
    .addOption(new Option('--target <node>', 'two-node clients send to A only (A balances) or to both').choices(['a', 'both']).default('a'))
    .option('--model <path>', "GGUF model (default: the node's default model)")
    .parse()
    .opts<Options>();
  const startedAt = new Date();
  const settings: BalanceSettings = {
    rounds: Math.round(options.rounds),
    windowMs: options.window * 1000,
    warmupMs: options.warmup * 1000,
    concurrency: Math.round(options.concurrency),
    maxTokens: Math.round(options.tokens),
    target: options.target,
    instances: Math.round(options.instances),
  };
  const common = ['--threads', '1', '--instances', String(settings.instances), '--context-size', '512', ...(options.model !== undefined ? ['--model', options.model] : [])];
  const body = { prompt: COUNTING_PROMPT, max_tokens: settings.maxTokens, temperature: 0.7, top_p: 0.95 };
  const headers = { 'x-swarm-mode': 'balance' };
  const log = (line: string): void => console.log(`balance: ${line}`);

  const windows = await withBenchLan(['a', 'b', 'solo'], async (lan) => {
    log('starting A (core 0), B (core 1) with --federation, and the one-node baseline (core 0, no federation)');
    // Distinct ports: both namespaces share the machine's hostname, and the mDNS name holds host and port.
    const [a, b, solo] = await Promise.all([
      // Open federation: the nodes are known by their --node-id (a paired node's id comes from its key).
      lan.startNode('a', ['--federation', '--federation-open', '--node-id', IDS.a, ...common], { cpus: [0], port: 17615 }),
      lan.startNode('b', ['--federation', '--federation-open', '--node-id', IDS.b, ...common], { cpus: [1], port: 17616 }),
      lan.startNode('solo', ['--node-id', IDS.solo, ...common], { cpus: [0] }),
    ]);
    await waitForPresence(lan, a, IDS.b, 'healthy', { timeoutMs: 30_000 });
    await waitForPresence(lan, b, IDS.a, 'healthy', { timeoutMs: 30_000 });
    await warm(lan, [a, b, solo], body);

    const runs: BalanceWindow[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      // The setups swap places every round, so neither always runs first.
      const order: BalanceSetup[] = round % 2 === 1 ? ['one node', 'two nodes'] : ['two nodes', 'one node'];
      for (const setup of order) {
        const urls = setup === 'one node' ? [`${solo.url}/v1/completions`] : settings.target === 'a' ? [`${a.url}/v1/completions`] : [`${a.url}/v1/completions`, `${b.url}/v1/completions`];
        const run = await runThroughputWindow(lan, {
          from: setup === 'one node' ? solo.host : a.host,
          urls,
          headers,
          body,
          concurrency: settings.concurrency,
          warmupMs: settings.warmupMs,
          windowMs: settings.windowMs,
        });
        const window: BalanceWindow = {
          setup,
          round,
          seconds: (run.to - run.from) / 1000,
          inWindow: tallyRequests(run.outcomes, { from: run.from, to: run.to, rule: 'ended' }),
          wholeRun: tallyRequests(run.outcomes),
          cutOff: run.cutOff,
        };
        runs.push(window);
        log(`round ${round}, ${setup}: ${window.inWindow.completed} requests in ${window.seconds.toFixed(1)} s, split ${JSON.stringify(window.inWindow.byNode)}, ${window.wholeRun.failed} failed`);
      }
    }
    return runs;
  });

  const report = balanceReport(settings, windows, IDS);
  const file = writeBenchResult({
    name: 'balance',
    title: 'Balance mode: two nodes vs one',
    command: 'node tools/bench/dist/balance/main.js',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    summary: report.summary,
    tables: report.tables,
    notes: [describeMachine(), `Model: ${options.model !== undefined ? path.basename(options.model) : "the node's default (SmolLM2-135M-Instruct Q4_1)"}.`, ...report.notes],
    charts: report.charts,
  });
  for (const line of report.summary) console.log(`- ${line}`);
  console.log(`balance: wrote ${file}`);
}

/** One request to each node before measuring: the first generation of a fresh process is slower. */
async function warm(lan: NodeLan, nodes: readonly LanNode[], body: unknown): Promise<void> {
  await Promise.all(
    nodes.map(async (node) => {
      const outcome = await requestCompletion(lan, node.host, `${node.url}/v1/completions`, body, { 'x-swarm-mode': 'balance' });
      if (outcome.error !== undefined) throw new Error(`warm-up request to ${node.host.label} failed: ${outcome.error}`);
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`balance: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
