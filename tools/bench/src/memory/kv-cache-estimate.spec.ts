import { attentionShapeFromMetadata, kvCacheBytesPerSequence } from './kv-cache-estimate';

// SmolLM2-135M's GGUF metadata (architecture "llama").
const SMOLLM2 = {
  block_count: 30,
  context_length: 8192,
  embedding_length: 576,
  feed_forward_length: 1536,
  attention: { head_count: 9, head_count_kv: 3, layer_norm_rms_epsilon: 0.00001 },
  rope: { freq_base: 100000, dimension_count: 64 },
  vocab_size: 49152,
};

describe('kvCacheBytesPerSequence', () => {
  it('counts a key and a value per KV head, layer and token in f16', () => {
    // 30 layers x 512 tokens x (3 x 64 + 3 x 64) x 2 bytes
    expect(kvCacheBytesPerSequence({ layers: 30, embeddingLength: 576, headCount: 9, headCountKv: 3 }, 512)).toBe(11_796_480);
  });
  it('takes explicit key and value lengths over embedding / heads', () => {
    expect(kvCacheBytesPerSequence({ layers: 1, embeddingLength: 640, headCount: 4, headCountKv: 1, keyLength: 256, valueLength: 256 }, 10)).toBe(10 * 512 * 2);
  });
  it('uses every head for KV without grouped-query attention', () => {
    expect(kvCacheBytesPerSequence({ layers: 2, embeddingLength: 64, headCount: 4 }, 1, 1)).toBe(2 * (64 + 64));
  });
});

describe('attentionShapeFromMetadata', () => {
  it('reads the shape of a llama-architecture GGUF', () => {
    expect(attentionShapeFromMetadata(SMOLLM2)).toEqual({ layers: 30, embeddingLength: 576, headCount: 9, headCountKv: 3 });
  });
  it('is null when a field is missing', () => {
    expect(attentionShapeFromMetadata({ block_count: 30 })).toBeNull();
    expect(attentionShapeFromMetadata(undefined)).toBeNull();
  });
});
