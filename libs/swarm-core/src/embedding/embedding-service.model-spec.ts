import { existsSync } from 'node:fs';
import { defaultModelPath } from '../model/default-model';
import { SwarmWorkerClient } from '../testing/swarm-worker-client';
import type { EmbeddingOutcome } from './embedding-service';

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

describe('embeddings on the real default model (the swarm’s own model)', () => {
  it('gives unit vectors of the model’s size, two similar sentences closer than two unrelated ones', async () => {
    if (!existsSync(defaultModelPath())) throw new Error(`run the model fetcher first: ${defaultModelPath()} is missing`);
    const worker = SwarmWorkerClient.spawn();
    try {
      await worker.call('start', { instances: 1, contextSize: 512, maxQueue: 2 });
      const inputs = ['The cat sat on the mat.', 'A cat was sitting on the mat.', 'Quarterly tax filings are due in April.'];
      const startedAt = Date.now();
      const { dimensions, outcome } = await worker.call<{ dimensions: number; outcome: EmbeddingOutcome }>('embed', { inputs });
      // A context with more threads than math cores spins: seconds per sentence instead of milliseconds.
      expect(Date.now() - startedAt).toBeLessThan(5000);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome));
      const [cat, sittingCat, taxes] = outcome.vectors;
      if (cat === undefined || sittingCat === undefined || taxes === undefined) throw new Error('three vectors expected');
      expect(dimensions).toBe(576);
      for (const vector of outcome.vectors) {
        expect(vector).toHaveLength(dimensions);
        expect(dot(vector, vector)).toBeCloseTo(1, 5);
      }
      expect(dot(cat, sittingCat)).toBeGreaterThan(dot(cat, taxes));
      expect(dot(cat, sittingCat)).toBeGreaterThan(dot(sittingCat, taxes));
      expect(outcome.promptTokens).toBeGreaterThan(inputs.length * 5);
    } finally {
      await worker.close();
    }
  });
});
