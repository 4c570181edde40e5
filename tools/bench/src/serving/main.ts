/**
 * Serving overhead: single-candidate tokens/s through the node's HTTP API vs
 * node-llama-cpp in this process with the same settings. Writes tmp/bench/serving-overhead.json.
 *
 *   node tools/bench/dist/serving/main.js [--reps 5] [--max-tokens 128] [--threads N] ...
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import { defaultModelPath } from '@local-swarm/swarm-core';
import { readCompletionReply, readHealthLoad } from '../node-process/completion-reply';
import { getJson, postJson } from '../node-process/http-json';
import { startSwarmNode, type RunningSwarmNode } from '../node-process/swarm-node-process';
import { InProcessGenerator, type TimedGeneration } from './in-process-generator';
import { parseServingOptions, SERVING_USAGE, type ServingOptions } from './serving-options';
import { servingBenchResult, type ServingRun } from './serving-result';
import { summarizeServing } from './serving-stats';

/** A raw text that keeps going: the model counts on, so every generation runs to max_tokens. */
const COUNTING_PROMPT = 'Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,';

interface HttpGeneration extends TimedGeneration {
  readonly finishReason: string;
  readonly promptTokens: number;
}

async function main(): Promise<void> {
  const options = parseServingOptions(process.argv.slice(2), { threads: os.availableParallelism(), modelPath: defaultModelPath() });
  if (options.help) {
    process.stdout.write(`${SERVING_USAGE}\n`);
    return;
  }
  if (!existsSync(options.modelPath)) throw new Error(`model not found: ${options.modelPath} (fetch it: node tools/model-fetcher/dist/main.js)`);
  const startedAt = new Date();
  const machine = describeMachine();
  const clock = performance.now();
  const nodeArgs = ['--instances', '1', '--threads', String(options.threads), '--context-size', String(options.contextSize), '--model', options.modelPath];
  log(`starting the node: ${nodeArgs.join(' ')}`);
  const node = await startSwarmNode({ args: nodeArgs });
  let inProcess: InProcessGenerator | undefined;
  try {
    inProcess = await InProcessGenerator.load(options);
    const local = inProcess;
    const viaHttp = (): Promise<HttpGeneration> => generateViaHttp(node, options);
    const viaInProcess = async (): Promise<TimedGeneration> => {
      await waitUntilIdle(node);
      return local.generate(COUNTING_PROMPT, options, options.inProcessConfidence);
    };
    log('warm-up: one of each, not counted');
    const warmHttp = await viaHttp();
    await viaInProcess();
    const pairs: ServingRun['pairs'][number][] = [];
    const warnings: string[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      // Alternate who goes first, so neither side always runs on a cache the other just warmed.
      const httpFirst = rep % 2 === 0;
      let http: HttpGeneration;
      let inProc: TimedGeneration;
      if (httpFirst) {
        http = await viaHttp();
        inProc = await viaInProcess();
      } else {
        inProc = await viaInProcess();
        http = await viaHttp();
      }
      pairs.push({ http, inProcess: inProc, sameText: http.text === inProc.text, httpFirst });
      if (http.finishReason !== 'length' || http.completionTokens !== options.maxTokens || inProc.completionTokens !== options.maxTokens) {
        warnings.push(
          `Pair ${rep + 1} stopped early: HTTP ${http.completionTokens} tokens (${http.finishReason}), in-process ${inProc.completionTokens} of ${options.maxTokens}; its overhead is scaled to equal tokens.`,
        );
      }
      log(`pair ${rep + 1}/${options.reps}: HTTP ${http.wallMs.toFixed(0)} ms, in-process ${inProc.wallMs.toFixed(0)} ms (${http.completionTokens}/${inProc.completionTokens} tokens)`);
    }
    const summary = summarizeServing(pairs);
    const result = servingBenchResult({
      options,
      pairs,
      summary,
      promptTokens: warmHttp.promptTokens,
      nodeCommand: `node apps/swarm-node/dist/main.js --host 127.0.0.1 --port 0 ${nodeArgs.join(' ')}`,
      machine,
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((performance.now() - clock) / 100) / 10,
      warnings,
    });
    const file = writeBenchResult(result);
    for (const line of result.summary) log(line);
    log(`wrote ${file}`);
  } finally {
    await inProcess?.dispose();
    await node.stop();
  }
}

/** One single-candidate request to `/v1/completions`, timed by this client. */
async function generateViaHttp(node: RunningSwarmNode, options: ServingOptions): Promise<HttpGeneration> {
  const reply = await postJson(`${node.url}/v1/completions`, {
    model: 'local-swarm',
    prompt: COUNTING_PROMPT,
    max_tokens: options.maxTokens,
    temperature: options.temperature,
    top_p: options.topP,
    seed: options.seed,
    n: 1,
  });
  const read = readCompletionReply(reply.body);
  if (reply.status !== 200 || !read.ok) throw new Error(`HTTP ${reply.status}: ${read.ok ? 'unexpected status' : read.reason}`);
  return { ...read.reply, wallMs: reply.wallMs };
}

/** The in-process side must never share the CPU with a generation still running in the node. */
async function waitUntilIdle(node: RunningSwarmNode, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const load = readHealthLoad((await getJson(`${node.url}/health`)).body);
    if (load === null) throw new Error('the node\'s /health has no load block');
    if (load.busyInstances === 0 && load.queuedRequests === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the node stayed busy for ${timeoutMs} ms`);
}

function log(line: string): void {
  process.stderr.write(`[serving-overhead] ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[serving-overhead] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
