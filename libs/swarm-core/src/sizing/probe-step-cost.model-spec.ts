import { existsSync } from 'node:fs';
import { defaultModelPath } from '../model/default-model';
import { SwarmWorkerClient } from '../testing/swarm-worker-client';
import { PROBE_ROUNDS, PROBE_STEPS_PER_ROUND } from './measure-step-times';
import type { StepCostProbe } from './probe-step-cost';
import type { WeightTypeInfo } from './read-weight-type';

describe('probeStepCost on the real default model', () => {
  let worker: SwarmWorkerClient;
  beforeAll(() => {
    if (!existsSync(defaultModelPath())) throw new Error(`run the model fetcher first: ${defaultModelPath()} is missing`);
    worker = SwarmWorkerClient.spawn();
  });
  afterAll(() => worker.close());

  it('times a positive step at each count, within its documented number of steps', async () => {
    const counts = [1, 3, 5, 7];
    const probe = await worker.call<StepCostProbe>('probeStepCost', { counts });
    expect(probe.timedOut).toBe(false);
    expect(probe.costs.map((cost) => cost.candidates)).toEqual(counts);
    for (const cost of probe.costs) expect(cost.stepMs).toBeGreaterThan(0);
    expect(probe.steps).toBe(PROBE_ROUNDS * PROBE_STEPS_PER_ROUND * counts.length);
  });

  it('measures no count once its time limit is spent, and frees its context either way', async () => {
    const probe = await worker.call<StepCostProbe>('probeStepCost', { counts: [1, 3], timeLimitMs: 0 });
    expect(probe).toMatchObject({ timedOut: true, steps: 0, costs: [] });
  });

  it('reads the default model’s weight type from its header', async () => {
    await expect(worker.call<WeightTypeInfo>('readWeightType')).resolves.toEqual({ weightType: 'Q4_1', embeddingLength: 576 });
  });
});
