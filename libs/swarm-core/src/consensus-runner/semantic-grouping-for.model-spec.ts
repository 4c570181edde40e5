import { existsSync } from 'node:fs';
import type { EmbeddingOutcome } from '../embedding/embedding-service';
import { defaultModelPath } from '../model/default-model';
import { SwarmWorkerClient } from '../testing/swarm-worker-client';

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

describe('semantic grouping on the real default model', () => {
  it('embeds "Paris", "It is Paris." and "Berlin" and prints their cosines (the figures behind the layer staying off by default)', async () => {
    if (!existsSync(defaultModelPath())) throw new Error(`run the model fetcher first: ${defaultModelPath()} is missing`);
    const worker = SwarmWorkerClient.spawn();
    try {
      await worker.call('start', { instances: 1, contextSize: 512, maxQueue: 2 });
      const { outcome } = await worker.call<{ outcome: EmbeddingOutcome }>('embed', { inputs: ['Paris', 'It is Paris.', 'Berlin'] });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome));
      const [paris, itIsParis, berlin] = outcome.vectors;
      if (paris === undefined || itIsParis === undefined || berlin === undefined) throw new Error('three vectors expected');
      const cosines = { 'Paris ~ It is Paris.': dot(paris, itIsParis), 'Paris ~ Berlin': dot(paris, berlin), 'It is Paris. ~ Berlin': dot(itIsParis, berlin) };
      console.log(`cosines on ${defaultModelPath()}:\n${Object.entries(cosines).map(([pair, cosine]) => `  ${pair}: ${cosine.toFixed(3)}`).join('\n')}`);
      for (const cosine of Object.values(cosines)) {
        expect(cosine).toBeGreaterThan(-1.000001);
        expect(cosine).toBeLessThan(1.000001);
      }
    } finally {
      await worker.close();
    }
  });
});
