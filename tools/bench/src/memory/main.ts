/**
 * Memory: resident memory of a node with 1, 3, 5 and 8 instances, to show the
 * weights are loaded once. Writes tmp/bench/memory.json.
 *
 *   node tools/bench/dist/memory/main.js [--instances 1,3,5,8] [--starts 2] [--context-size 512] ...
 */
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { describeMachine, writeBenchResult } from '@local-swarm/bench-kit';
import { defaultModelPath } from '@local-swarm/swarm-core';
import { readCompletionReply } from '../node-process/completion-reply';
import { postJson } from '../node-process/http-json';
import { startSwarmNode } from '../node-process/swarm-node-process';
import { kvCacheBytesPerSequence } from './kv-cache-estimate';
import { memoryBenchResult } from './memory-result';
import { MEMORY_USAGE, parseMemoryOptions, type MemoryOptions } from './memory-options';
import { summarizeMemory, type MemorySample } from './memory-stats';
import { readProcMemory } from './proc-memory';
import { readAttentionShape } from './read-attention-shape';

/** After the banner, let start-up finish its allocations (Nest, swagger, first GC) before reading. */
const SETTLE_MS = 500;

async function main(): Promise<void> {
  const options = parseMemoryOptions(process.argv.slice(2), { threads: os.availableParallelism(), modelPath: defaultModelPath() });
  if (options.help) {
    process.stdout.write(`${MEMORY_USAGE}\n`);
    return;
  }
  if (!existsSync(options.modelPath)) throw new Error(`model not found: ${options.modelPath} (fetch it: node tools/model-fetcher/dist/main.js)`);
  const startedAt = new Date();
  const machine = describeMachine();
  const clock = performance.now();
  const modelBytes = statSync(options.modelPath).size;
  const shape = await readAttentionShape(options.modelPath).catch(() => null);
  const samples: MemorySample[] = [];
  // Starts round-robin over the counts, so a slow drift (page cache, other load) spreads evenly.
  for (let start = 0; start < options.starts; start++) {
    for (const instances of options.instances) {
      const sample = await measureOneStart(instances, options);
      samples.push(sample);
      log(`${instances} instance(s), start ${start + 1}/${options.starts}: RSS ${mib(sample.afterLoad.rssKiB)} MiB after load, ${mib(sample.afterRequest.rssKiB)} MiB after a request`);
    }
  }
  const result = memoryBenchResult({
    options,
    samples,
    summary: summarizeMemory(samples, modelBytes),
    modelBytes,
    kvBytesPerSequence: shape === null ? null : kvCacheBytesPerSequence(shape, options.contextSize),
    machine,
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((performance.now() - clock) / 100) / 10,
  });
  const file = writeBenchResult(result);
  for (const line of result.summary) log(line);
  log(`wrote ${file}`);
}

async function measureOneStart(instances: number, options: MemoryOptions): Promise<MemorySample> {
  const node = await startSwarmNode({
    args: ['--instances', String(instances), '--threads', String(options.threads), '--context-size', String(options.contextSize), '--model', options.modelPath],
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const afterLoad = readProcMemory(node.pid);
    // One request: the node gives it every instance as a candidate.
    const reply = await postJson(`${node.url}/v1/completions`, {
      model: 'local-swarm',
      prompt: 'Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,',
      max_tokens: options.maxTokens,
      temperature: 0.7,
      seed: 1,
    });
    const read = readCompletionReply(reply.body);
    if (reply.status !== 200 || !read.ok) throw new Error(`request to ${instances} instance(s) failed: HTTP ${reply.status} ${read.ok ? '' : read.reason}`);
    const afterRequest = readProcMemory(node.pid);
    return { instances, afterLoad, afterRequest, completionTokens: read.reply.completionTokens };
  } finally {
    await node.stop();
  }
}

function mib(kib: number): string {
  return (kib / 1024).toFixed(1);
}

function log(line: string): void {
  process.stderr.write(`[memory] ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[memory] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
