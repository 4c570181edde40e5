import type { HardwareInfo, StepCostProbe } from '@local-swarm/swarm-core';
import { autoSize, type AutoSizeProbes, type AutoSizeRequest } from './auto-size';

const MIB = 1024 ** 2;
const hardware: HardwareInfo = {
  cpuCores: 2,
  cpuModel: 'test CPU',
  totalMemoryBytes: 16 * 1024 * MIB,
  freeMemoryBytes: 16 * 1024 * MIB,
  gpu: null,
  summary: '2 cores',
};
const request: AutoSizeRequest = { modelPath: '/models/m.gguf', userModel: true, contextSize: 2048, threads: null, hardware };

/** Step times in ms per candidate count; Q4_1-like: each extra candidate costs 0.6x one past 3. */
function probesWith(stepMs: Record<number, number>, overrides: Partial<AutoSizeProbes> = {}): AutoSizeProbes & { asked: number[][] } {
  const asked: number[][] = [];
  return {
    asked,
    estimateModelMemory: async () => ({ modelBytes: 100 * MIB, estimateContextBytes: (sequences) => sequences * 10 * MIB }),
    probeStepCost: async (options) => {
      asked.push([...options.counts]);
      const costs = options.counts.map((candidates) => ({ candidates, stepMs: stepMs[candidates] ?? 1 }));
      const probe: StepCostProbe = { costs, steps: 36, timedOut: false, durationMs: 900 };
      return probe;
    },
    readWeightType: async () => ({ weightType: 'Q4_1', embeddingLength: 576 }),
    ...overrides,
  };
}

describe('autoSize', () => {
  it('probes 1 and every odd count memory allows, and keeps the largest whose extra candidates stay cheap', async () => {
    const probes = probesWith({ 1: 10, 3: 14, 5: 18, 7: 30 });
    const size = await autoSize(request, probes);
    expect(probes.asked).toEqual([[1, 3, 5, 7]]);
    expect(size).toMatchObject({ instances: 5, contextSize: 2048 });
    expect(size.reason).toBe('--auto: 5 candidates cost 1.8x one on this machine (measured: 3 → 1.4x, 5 → 1.8x, 7 → 3.0x); memory allows 7');
  });

  it('warns about a user’s model whose weight type batches poorly when the cost stopped growth', async () => {
    const size = await autoSize(request, probesWith({ 1: 10, 3: 14, 5: 18, 7: 30 }));
    expect(size.warnings).toEqual([expect.stringMatching(/^this model's weights are Q4_1, .*\(7 candidates cost 3\.0x one\); a Q4_0 or IQ4_NL file/)]);
  });

  it('gives no weight-type advice for the default model, nor when the header cannot be read', async () => {
    const costly = { 1: 10, 3: 14, 5: 18, 7: 30 };
    expect((await autoSize({ ...request, userModel: false }, probesWith(costly))).warnings).toEqual([]);
    const unreadable = probesWith(costly, { readWeightType: () => Promise.reject(new Error('bad header')) });
    expect(await autoSize(request, unreadable)).toMatchObject({ instances: 5, warnings: [] });
  });

  it('falls back to the memory-based size with a warning when the probe fails', async () => {
    const size = await autoSize(request, probesWith({}, { probeStepCost: () => Promise.reject(new Error('no context: ' + 'x'.repeat(5000))) }));
    expect(size.instances).toBe(7);
    expect(size.reason).toMatch(/^--auto: 7 instances x 2048 tokens need/);
    expect(size.warnings).toHaveLength(1);
    expect(size.warnings[0]).toMatch(/^--auto could not measure decode cost \(no context: x+\); sized by memory only$/);
    // A native error's text is bounded: the banner line stays readable.
    expect(size.warnings[0]?.length).toBeLessThan(300);
  });

  it('falls back the same way when the probe measured nothing usable', async () => {
    const nothing = probesWith({}, { probeStepCost: async () => ({ costs: [], steps: 0, timedOut: true, durationMs: 3000 }) });
    const size = await autoSize(request, nothing);
    expect(size).toMatchObject({ instances: 7, warnings: [expect.stringMatching(/one candidate was not measured/)] });
  });

  it('does not probe when memory allows one instance only', async () => {
    const probes = probesWith({}, { estimateModelMemory: async () => ({ modelBytes: 100 * MIB, estimateContextBytes: () => 1e15 }) });
    const size = await autoSize(request, probes);
    expect(probes.asked).toEqual([]);
    expect(size).toMatchObject({ instances: 1, warnings: [] });
  });
});
