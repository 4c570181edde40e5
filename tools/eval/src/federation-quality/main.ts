// Answer quality of a federation: three nodes in network namespaces, two models
// (A and B: SmolLM2-135M, C: Gemma 3 270M), against one node, decided on the SAME candidates.
//   node tools/eval/dist/federation-quality/main.js [--factual 8] [--arithmetic 8] [--seed 1]
// Needs root and iproute2 (network namespaces). Writes tmp/bench/federation-quality.json and the
// raw replies to tmp/eval/federation-quality-run.json (re-analyse with --reanalyse <file>).
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import { isStrategyName, STRATEGY_NAMES, strategyTraits, type StrategyName } from '@local-swarm/consensus';
import { Command, InvalidArgumentError } from 'commander';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_TOKENS, loadTasks, STOP_SEQUENCES, taskSeed } from '../index';
import { askTask, type TaskObservation } from './ask-task';
import type { FederationNode } from './candidate-views';
import { federationQualityReport } from './federation-quality-report';
import type { FederationRun, FederationRunSettings } from './federation-run';
import { cpuPlan } from './cpu-plan';
import { fetchedModelPath } from './model-path';
import { processCpuSeconds } from './process-cpu';
import { startFederation, type NodeSpec } from './start-federation';
import { RunInterrupted, throwIfInterrupted, withNodeLan } from './with-node-lan';

interface Options {
  factual: number;
  arithmetic: number;
  seed: number;
  instances: number;
  threads: number;
  contextSize: number;
  factualTokens: number;
  arithmeticTokens: number;
  temperature: number;
  topP: number;
  strategy: StrategyName;
  earlyExit: boolean;
  priorWeight: number;
  records: string;
  cModel?: string;
  reanalyse?: string;
}

const COMMAND = 'node tools/eval/dist/federation-quality/main.js';
const REQUEST_TIMEOUT_MS = 180_000;

const integer = (min: number) => (value: string): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new InvalidArgumentError(`expected an integer ≥ ${min}, got ${value}`);
  return number;
};
const nonNegative = (value: string): number => {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new InvalidArgumentError(`expected a number ≥ 0, got ${value}`);
  return number;
};
/** The strategies that vote (their lead can be decided early): the ones this eval compares. */
const VOTING_STRATEGIES = STRATEGY_NAMES.filter((name) => strategyTraits(name).earlyStop === 'decided-lead').join(' or ');
const strategy = (value: string): StrategyName => {
  if (!isStrategyName(value) || strategyTraits(value).earlyStop !== 'decided-lead') throw new InvalidArgumentError(VOTING_STRATEGIES);
  return value;
};

function parseOptions(): Options {
  return new Command('federation-quality')
    .description('Answer quality of 3 nodes with two models (A, B: SmolLM2-135M; C: Gemma 3 270M) vs one node, on the same candidates. Needs root (network namespaces).')
    .option('--factual <count>', 'factual questions (a seeded subset of tools/eval/data/factual.json)', integer(0), 8)
    .option('--arithmetic <count>', 'generated arithmetic problems', integer(0), 8)
    .option('--seed <n>', 'picks the tasks and seeds each request (per task id)', integer(0), 1)
    .option('--instances <count>', 'instances (candidates) per node', integer(1), 3)
    .option('--threads <count>', 'CPU threads per node', integer(1), 1)
    .option('--context-size <tokens>', 'context per instance (prompt + answer)', integer(64), 512)
    .option('--factual-tokens <n>', "max_tokens of factual questions (default: the single-node eval's)", integer(1), DEFAULT_MAX_TOKENS.factual)
    .option('--arithmetic-tokens <n>', "max_tokens of arithmetic problems (default: the single-node eval's)", integer(1), DEFAULT_MAX_TOKENS.arithmetic)
    .option('--temperature <t>', 'sampling temperature', nonNegative, 0.7)
    .option('--top-p <p>', 'nucleus sampling', nonNegative, 0.95)
    .option('--strategy <name>', `the node's strategy for the request (${VOTING_STRATEGIES})`, strategy, 'majority')
    .option('--no-early-exit', 'ask n = instances, so the node lets every candidate finish (no early exit)')
    .option('--prior-weight <w>', "weighted_vote weight of Gemma's candidates, fixed in advance", nonNegative, 1.5)
    .option('--c-model <path>', "GGUF of node C (default: Gemma 3 270M from the model fetcher)")
    .option('--records <file>', 'where the raw replies are saved', path.join('tmp', 'eval', 'federation-quality-run.json'))
    .option('--reanalyse <file>', 'recompute the report from a saved run instead of running nodes')
    .parse()
    .opts<Options>();
}

/** True when `taskset` (util-linux) can pin processes here. */
function tasksetAvailable(): boolean {
  const probe = spawnSync('taskset', ['-p', String(process.pid)], { encoding: 'utf8' });
  return probe.error === undefined && probe.status === 0;
}

async function runFederation(options: Options, log: (line: string) => void): Promise<FederationRun> {
  const startedAt = new Date();
  const machine = describeMachine();
  const settings: FederationRunSettings = {
    seed: options.seed,
    factual: options.factual,
    arithmetic: options.arithmetic,
    instances: options.instances,
    threads: options.threads,
    contextSize: options.contextSize,
    maxTokens: { factual: options.factualTokens, arithmetic: options.arithmeticTokens },
    stop: STOP_SEQUENCES,
    temperature: options.temperature,
    topP: options.topP,
    strategy: options.strategy,
    earlyExit: options.earlyExit,
    priorWeight: options.priorWeight,
  };
  const { tasks } = loadTasks({ factual: options.factual, arithmetic: options.arithmetic, seed: options.seed });
  if (tasks.length === 0) throw new RangeError('no tasks: give --factual or --arithmetic a positive count');
  const smol = fetchedModelPath('default');
  const gemma = options.cModel ?? fetchedModelPath('gemma3-270m');
  const cLabel = options.cModel === undefined ? 'Gemma 3 270M' : path.basename(options.cModel, '.gguf');
  // C's model costs about three times A's or B's CPU per request (measured: the larger model, and
  // as a base model it never stops before max_tokens), and every request waits for it: pin it
  // to a core of its own where the machine allows (2 cores: A and B share the other).
  const pinning = tasksetAvailable() ? cpuPlan(os.cpus().length, [1, 1, 3]) : [[], [], []];
  const specs: NodeSpec[] = [
    { host: 'a', nodeId: 'fq-a', port: 17615, modelPath: smol, cpus: pinning[0] ?? [] },
    { host: 'b', nodeId: 'fq-b', port: 17616, modelPath: smol, cpus: pinning[1] ?? [] },
    { host: 'c', nodeId: 'fq-c', port: 17617, modelPath: gemma, cpus: pinning[2] ?? [] },
  ];
  return withNodeLan(
    specs.map((spec) => spec.host),
    async (lan, interrupted) => {
      log(`starting A, B (${path.basename(smol)}) and C (${path.basename(gemma)}), ${options.instances} instances each`);
      const federation = await startFederation(lan, specs, {
        instances: options.instances,
        threads: options.threads,
        contextSize: options.contextSize,
        voteTimeoutMs: REQUEST_TIMEOUT_MS,
      });
      log(`A lists B and C healthy ${(federation.readyMs / 1000).toFixed(1)} s after spawn`);
      const [a, , c] = federation.nodes;
      if (a === undefined || c === undefined) throw new Error('the federation lost a node');
      const nodes: FederationNode[] = federation.nodes.map(({ spec, modelId }, index) => ({
        // Each node names its own candidates by its node id, the asked node included.
        source: spec.nodeId,
        label: ['A', 'B', 'C'][index] ?? spec.nodeId,
        model: modelId,
        modelLabel: spec.modelPath === gemma ? cLabel : 'SmolLM2-135M',
      }));
      // One short unscored request first: every node loads its first batch before timing starts.
      const firstTask = tasks[0];
      if (firstTask !== undefined) {
        await askTask(lan, a.node, { task: firstTask, maxTokens: 4, stop: [], temperature: options.temperature, topP: options.topP, seed: 0, strategy: options.strategy, choices: 1 }, REQUEST_TIMEOUT_MS);
      }
      const cpuNow = (): Map<string, number | null> => new Map(federation.nodes.map(({ spec, node }) => [spec.nodeId, processCpuSeconds(node.pid)]));
      const observations: TaskObservation[] = [];
      for (const [index, task] of tasks.entries()) {
        throwIfInterrupted(interrupted);
        const cpuBefore = cpuNow();
        const reply = await askTask(
          lan,
          a.node,
          {
            task,
            maxTokens: settings.maxTokens[task.family],
            stop: settings.stop[task.family],
            temperature: options.temperature,
            topP: options.topP,
            seed: taskSeed(options.seed, task.id),
            strategy: options.strategy,
            choices: options.earlyExit ? 1 : options.instances,
          },
          REQUEST_TIMEOUT_MS,
        );
        const cpuSeconds: Record<string, number> = {};
        for (const [nodeId, after] of cpuNow()) {
          const before = cpuBefore.get(nodeId);
          if (after !== null && before !== undefined && before !== null) cpuSeconds[nodeId] = after - before;
        }
        // A request cut off by Ctrl-C is no observation: stop without a result rather than report it as failed.
        throwIfInterrupted(interrupted);
        const observation: TaskObservation = { ...reply, cpuSeconds };
        observations.push(observation);
        const sources = observation.reply?.sources.map((source) => `${source.id}:${source.ok ? source.candidates : 'failed'}`).join(' ') ?? observation.error;
        log(`${index + 1}/${tasks.length} ${task.id}: ${(observation.elapsedMs / 1000).toFixed(1)} s, ${sources ?? ''}${observation.reply?.verdict.earlyStop ? ', stopped early' : ''}`);
      }
      return {
        settings,
        nodes,
        favouredModel: c.modelId,
        startedAt: startedAt.toISOString(),
        readyMs: federation.readyMs,
        machine,
        cores: os.cpus().length,
        pinning: specs.map((spec) => spec.cpus),
        observations,
        durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
      };
    },
  );
}

async function main(): Promise<void> {
  const options = parseOptions();
  const log = (line: string): void => console.log(`federation-quality: ${line}`);
  let run: FederationRun;
  if (options.reanalyse !== undefined) {
    run = JSON.parse(readFileSync(options.reanalyse, 'utf8')) as FederationRun;
    log(`re-analysing ${options.reanalyse} (${run.observations.length} tasks)`);
  } else {
    run = await runFederation(options, log);
    mkdirSync(path.dirname(options.records), { recursive: true });
    writeFileSync(options.records, `${JSON.stringify(run)}\n`);
    log(`raw replies saved to ${options.records}`);
  }
  const report = federationQualityReport(run);
  const file = writeBenchResult({
    name: 'federation-quality',
    title: 'Answer quality: three nodes, two models',
    command: COMMAND,
    startedAt: run.startedAt,
    durationSeconds: run.durationSeconds,
    summary: report.summary,
    tables: report.tables,
    notes: report.notes,
    charts: report.charts,
  });
  for (const line of report.summary) console.log(`- ${line}`);
  log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  // Interrupted: the signal handler exits once the namespaces are gone; no result is written.
  if (error instanceof RunInterrupted) return;
  console.error(`federation-quality: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
