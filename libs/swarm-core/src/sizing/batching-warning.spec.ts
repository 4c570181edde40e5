import { batchingWarning } from './batching-warning';
import { chooseSizeByCost } from './choose-size-by-cost';

const costly = chooseSizeByCost({
  measured: [
    { candidates: 1, stepMs: 10 },
    { candidates: 3, stepMs: 18 },
    { candidates: 5, stepMs: 30 },
  ],
  memoryCap: 7,
});
const cheap = chooseSizeByCost({
  measured: [
    { candidates: 1, stepMs: 10 },
    { candidates: 3, stepMs: 12 },
  ],
  memoryCap: 3,
});

describe('batchingWarning', () => {
  it('names the weight type, what the first too costly count cost, and a better type', () => {
    expect(costly.stoppedBy).toBe('cost');
    expect(batchingWarning({ weightType: 'Q4_1', embeddingLength: 576, choice: costly })).toBe(
      "this model's weights are Q4_1, whose batched steps scale poorly on this CPU (5 candidates cost 3.0x one); " +
        "a Q4_0 or IQ4_NL file of the same model batches through llama.cpp's repacked kernels",
    );
  });

  it('says nothing when the measured cost did not stop growth', () => {
    expect(batchingWarning({ weightType: 'Q4_1', embeddingLength: 576, choice: cheap })).toBeNull();
  });

  it('says nothing when the weights are already of a repacked (or unknown) type', () => {
    expect(batchingWarning({ weightType: 'Q4_0', embeddingLength: 576, choice: costly })).toBeNull();
    expect(batchingWarning({ weightType: null, embeddingLength: 576, choice: costly })).toBeNull();
    expect(batchingWarning({ weightType: 'Q4_K_M', embeddingLength: 4096, choice: costly })).toBeNull();
  });

  it('warns about a K-quant whose rows fall back to unrepacked types', () => {
    expect(batchingWarning({ weightType: 'Q4_K_M', embeddingLength: 576, choice: costly })).toMatch(/weights are Q4_K_M/);
  });
});
