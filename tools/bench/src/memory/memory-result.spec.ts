import { memoryBenchResult } from './memory-result';
import { parseMemoryOptions } from './memory-options';
import { summarizeMemory, type MemorySample } from './memory-stats';
import type { ProcMemory } from './proc-memory';

const MODEL_BYTES = 94 * 2 ** 20;

function sample(instances: number): MemorySample {
  const kib = (anonymousMiB: number): ProcMemory => {
    const rssKiB = (anonymousMiB + 150) * 1024;
    return { vmRssKiB: rssKiB, vmHwmKiB: rssKiB, rssKiB, anonymousKiB: anonymousMiB * 1024, fileBackedKiB: 150 * 1024, pssKiB: rssKiB };
  };
  return { instances, afterLoad: kib(150 + 12 * instances), afterRequest: kib(152 + 12 * instances), completionTokens: 16 * instances };
}

describe('memoryBenchResult', () => {
  const options = parseMemoryOptions([], { threads: 2, modelPath: '/m.gguf' });
  const samples = [1, 3, 5, 8].flatMap((n) => [sample(n), sample(n)]);
  const result = memoryBenchResult({
    options,
    samples,
    summary: summarizeMemory(samples, MODEL_BYTES),
    modelBytes: MODEL_BYTES,
    kvBytesPerSequence: 11_796_480,
    machine: 'test machine',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationSeconds: 40,
  });

  it('leads with the slope, its share of the model, the KV estimate and the verdict', () => {
    expect(result.name).toBe('memory');
    expect(result.summary[0]).toMatch(/12\.0 MiB per extra instance after load\*\* and 12\.0 MiB after one request/);
    expect(result.summary[0]).toMatch(/medians of 2 starts each/);
    expect(result.summary[0]).toMatch(/the model file is 94\.0 MiB\. The larger slope is 12\.8% of the model/);
    expect(result.summary[0]).toMatch(/KV cache is 11\.3 MiB/);
    expect(result.summary[0]).toMatch(/\*\*met\*\*/);
  });
  it('reports what a request added per generated token', () => {
    // 2 MiB over 16 tokens per instance; median over 3, 5 and 8 instances (48, 80, 128 tokens) is 80.
    expect(result.summary[3]).toMatch(/added 26 KiB of RSS per generated token/);
  });
  it('draws the hypothetical copies line one model per extra instance above the 1-instance RSS', () => {
    const copies = result.charts?.[0]?.series.find((series) => series.name.startsWith('if each instance'));
    expect(copies?.points.map((point) => point.y)).toEqual([314, 314 + 2 * 94, 314 + 4 * 94, 314 + 7 * 94]);
  });
  it('lists one row per instance count and one per start', () => {
    expect(result.tables[0]?.rows).toHaveLength(4);
    expect(result.tables[1]?.rows).toHaveLength(8);
  });
});
