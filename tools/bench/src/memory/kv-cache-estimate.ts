/** The attention shape of a GGUF model, from its architecture metadata. */
export interface AttentionShape {
  /** `<arch>.block_count`: layers. */
  readonly layers: number;
  /** `<arch>.embedding_length`. */
  readonly embeddingLength: number;
  /** `<arch>.attention.head_count`. */
  readonly headCount: number;
  /** `<arch>.attention.head_count_kv` (grouped-query attention); default: headCount. */
  readonly headCountKv?: number;
  /** `<arch>.attention.key_length` / `value_length`; default: embeddingLength / headCount. */
  readonly keyLength?: number;
  readonly valueLength?: number;
}

/**
 * Bytes of one sequence's KV cache as llama.cpp allocates it: per layer and per token one key and
 * one value vector for each KV head, f16 (2 bytes) by default. An estimate for plain attention;
 * models with sliding-window layers (Gemma 3) keep less for those layers.
 */
export function kvCacheBytesPerSequence(shape: AttentionShape, contextTokens: number, bytesPerElement = 2): number {
  const headDim = shape.embeddingLength / shape.headCount;
  const kvHeads = shape.headCountKv ?? shape.headCount;
  const keyWidth = kvHeads * (shape.keyLength ?? headDim);
  const valueWidth = kvHeads * (shape.valueLength ?? headDim);
  return shape.layers * contextTokens * (keyWidth + valueWidth) * bytesPerElement;
}

/** The attention shape from a GGUF's architecture metadata block, or null when fields are missing. */
export function attentionShapeFromMetadata(architectureMetadata: unknown): AttentionShape | null {
  if (!isRecord(architectureMetadata)) return null;
  const attention = architectureMetadata['attention'];
  if (!isRecord(attention)) return null;
  const layers = architectureMetadata['block_count'];
  const embeddingLength = architectureMetadata['embedding_length'];
  const headCount = attention['head_count'];
  if (typeof layers !== 'number' || typeof embeddingLength !== 'number' || typeof headCount !== 'number') return null;
  const headCountKv = attention['head_count_kv'];
  const keyLength = attention['key_length'];
  const valueLength = attention['value_length'];
  return {
    layers,
    embeddingLength,
    headCount,
    ...(typeof headCountKv === 'number' ? { headCountKv } : {}),
    ...(typeof keyLength === 'number' ? { keyLength } : {}),
    ...(typeof valueLength === 'number' ? { valueLength } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
