import { existsSync } from 'node:fs';
import { defaultModelPath } from '../model/default-model';
import type { SourceOutcome } from '../sources/candidate-source';
import { SwarmWorkerClient } from '../testing/swarm-worker-client';

describe('Swarm.stop() on the real default model', () => {
  it('stops a running batch, waits for it, then frees the model: no unhandled rejection', async () => {
    if (!existsSync(defaultModelPath())) throw new Error(`run the model fetcher first: ${defaultModelPath()} is missing`);
    const worker = SwarmWorkerClient.spawn();
    try {
      await worker.call('start', { instances: 3, contextSize: 512, maxQueue: 1 });
      const request = { prompt: { kind: 'text', text: 'Once upon a time' }, maxTokens: 400, candidates: 3, seed: 1, temperature: 1 };
      const { outcome, unhandled } = await worker.call<{ outcome: SourceOutcome; unhandled: string[] }>('stopWhileGenerating', { request, stopAfterMs: 300 });
      expect(unhandled).toEqual([]);
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(outcome.candidates.map((candidate) => candidate.finishReason)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    } finally {
      await worker.close();
    }
  });
});
