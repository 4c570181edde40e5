import type { BenchResult } from '@local-swarm/bench-kit';
import type { MemoryOptions } from './memory-options';
import type { MemorySample, MemorySummary } from './memory-stats';
import { growthPerTokenBytes, LOADED_ONCE_MAX_SHARE } from './memory-stats';

export interface MemoryRun {
  readonly options: MemoryOptions;
  readonly samples: readonly MemorySample[];
  readonly summary: MemorySummary;
  readonly modelBytes: number;
  /** Estimated KV cache of one sequence at the context size, from the GGUF; null if unknown. */
  readonly kvBytesPerSequence: number | null;
  readonly machine: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
}

const MIB = 2 ** 20;

export function memoryBenchResult(run: MemoryRun): BenchResult {
  const { options, summary } = run;
  const rows = summary.byInstances;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const startsSaid = options.starts === 1 ? 'one start each' : `medians of ${options.starts} starts each`;
  const counts = options.instances.join(', ');
  const kvSaid =
    run.kvBytesPerSequence === null
      ? 'the KV cache estimate is unavailable for this model'
      : `one ${options.contextSize}-token sequence's KV cache is ${mib(run.kvBytesPerSequence)} MiB (f16, from the GGUF's attention shape)`;
  const baseline = first?.afterRequest.rssBytes ?? 0;
  return {
    name: 'memory',
    title: 'Memory: resident size by instance count',
    command: 'node tools/bench/dist/memory/main.js',
    startedAt: run.startedAt,
    durationSeconds: run.durationSeconds,
    summary: [
      `RSS grows **${mib(summary.rssSlopeAfterLoadBytes)} MiB per extra instance after load** and ${mib(summary.rssSlopeAfterRequestBytes)} MiB after one request ` +
        `using every instance (least-squares slopes over ${counts} instances, ${startsSaid}); ${kvSaid}; the model file is ${mib(run.modelBytes)} MiB. ` +
        `The larger slope is ${pct(summary.slopeShareOfModel)} of the model: weights loaded once (slope < ${LOADED_ONCE_MAX_SHARE * 100}% of the model) **${summary.weightsLoadedOnce ? 'met' : 'not met'}**.`,
      `File-backed RSS (mmap'd weights and code) ${first === undefined || last === undefined ? '' : `${mib(first.afterRequest.fileBackedBytes)} MiB at ${first.instances} vs ${mib(last.afterRequest.fileBackedBytes)} MiB at ${last.instances} instances`} ` +
        `(${mib(summary.fileBackedSlopeBytes)} MiB per instance); anonymous memory (KV caches, compute buffers, heaps) grows ${mib(summary.anonymousSlopeBytes)} MiB per instance after the request.`,
      ...(first === undefined || last === undefined
        ? []
        : [
            `Total RSS after load: ${mib(first.afterLoad.rssBytes)} MiB with ${first.instances} instance(s), ${mib(last.afterLoad.rssBytes)} MiB with ${last.instances}; ` +
              `after the request: ${mib(first.afterRequest.rssBytes)} / ${mib(last.afterRequest.rssBytes)} MiB.`,
          ]),
      ...(summary.requestGrowthPerTokenBytes === null
        ? []
        : [
            `The request added ${kib(summary.requestGrowthPerTokenBytes)} KiB of RSS per generated token (median over the starts with 2+ instances; ` +
              'compute buffers and heap warm-up, which a per-token leak would push to hundreds of KiB: see notes).',
          ]),
      `Machine: ${run.machine}.`,
    ],
    tables: [
      {
        title: `Resident memory by instance count (MiB, ${startsSaid})`,
        columns: ['instances', 'starts', 'RSS after load', 'anonymous', 'file-backed', 'RSS after request', 'anonymous', 'file-backed', 'peak (VmHWM)'],
        rows: rows.map((row) => [
          row.instances,
          row.starts,
          mibCell(row.afterLoad.rssBytes),
          mibCell(row.afterLoad.anonymousBytes),
          mibCell(row.afterLoad.fileBackedBytes),
          mibCell(row.afterRequest.rssBytes),
          mibCell(row.afterRequest.anonymousBytes),
          mibCell(row.afterRequest.fileBackedBytes),
          mibCell(row.afterRequest.peakBytes),
        ]),
      },
      {
        title: 'Each start (MiB)',
        columns: ['instances', 'VmRSS after load', 'Rss (smaps_rollup)', 'anonymous', 'file-backed', 'PSS', 'VmRSS after request', 'anonymous', 'file-backed', 'VmHWM', 'tokens generated', 'KiB added per token'],
        rows: run.samples.map((sample) => [
          sample.instances,
          kibToMib(sample.afterLoad.vmRssKiB),
          kibToMib(sample.afterLoad.rssKiB),
          kibToMib(sample.afterLoad.anonymousKiB),
          kibToMib(sample.afterLoad.fileBackedKiB),
          kibToMib(sample.afterLoad.pssKiB),
          kibToMib(sample.afterRequest.vmRssKiB),
          kibToMib(sample.afterRequest.anonymousKiB),
          kibToMib(sample.afterRequest.fileBackedKiB),
          kibToMib(sample.afterRequest.vmHwmKiB),
          sample.completionTokens,
          growthPerTokenCell(sample),
        ]),
      },
    ],
    charts: [
      {
        title: 'Resident memory of one node by instance count',
        xLabel: 'instances',
        yLabel: 'MiB',
        series: [
          { name: 'RSS after a request', points: rows.map((row) => ({ x: row.instances, y: round(row.afterRequest.rssBytes / MIB) })) },
          { name: 'anonymous', points: rows.map((row) => ({ x: row.instances, y: round(row.afterRequest.anonymousBytes / MIB) })) },
          { name: 'file-backed (weights, code)', points: rows.map((row) => ({ x: row.instances, y: round(row.afterRequest.fileBackedBytes / MIB) })) },
          {
            name: 'if each instance loaded its own weights',
            points: rows.map((row) => ({ x: row.instances, y: round((baseline + (row.instances - (first?.instances ?? 1)) * run.modelBytes) / MIB) })),
          },
        ],
      },
    ],
    notes: [
      `Each node: \`node apps/swarm-node/dist/main.js --host 127.0.0.1 --port 0 --instances N --threads ${options.threads} --context-size ${options.contextSize} --model ${options.modelPath}\` ` +
        `(no federation), measured after its banner (plus a short settle) and again right after one \`/v1/completions\` request generating ${options.maxTokens} tokens on every instance, then stopped.`,
      'Rss, Anonymous and Pss come from /proc/<pid>/smaps_rollup (file-backed = Rss - Anonymous); VmRSS and VmHWM (peak) from /proc/<pid>/status.',
      `Model file: ${mib(run.modelBytes)} MiB. node-llama-cpp maps the GGUF (mmap), so the weights are file-backed pages: counted once however many sequences read them, and shared with the page cache.`,
      'The node allocates every instance\'s KV cache when it creates the context at start-up, so the growth shows already after load; the request adds compute buffers and heap.',
      'This benchmark found a defect, since fixed: the lock step used to call node-llama-cpp\'s controlledEvaluate once per token per candidate, and each call made a sampler whose ' +
        '576 KiB native candidate buffer (12 bytes per vocabulary entry) is freed only when V8 garbage-collects the JS object, which V8 has no reason to do soon: ' +
        'an 8-instance node grew by ~73 MiB per 128-token request. Each candidate now keeps one generator (one sampler) for its whole answer; ' +
        'a model test (libs/swarm-core, test-model) checks that RSS stays flat over batched requests.',
      'The "if each instance loaded its own weights" line is the 1-instance RSS plus one model file per extra instance: what copies would cost, for comparison.',
    ],
  };
}

function mib(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(0);
}

function kibToMib(kib: number): number {
  return round(kib / 1024);
}

/** KiB of RSS the request added per generated token, or '-' when it generated none. */
function growthPerTokenCell(sample: MemorySample): number | string {
  const growth = growthPerTokenBytes(sample);
  return growth === null ? '-' : Math.round(growth / 1024);
}

function mibCell(bytes: number): number {
  return round(bytes / MIB);
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
