/**
 * How a model's weight type batches on CPU: llama.cpp repacks some weight types into interleaved
 * layouts whose matrix kernels multiply several tokens' rows at once (x86 AVX2: Q4_0 and IQ4_NL,
 * and Q4_K), so a step of N candidates costs little more than one. Other types go through the
 * plain kernels, and a step grows with nearly every extra candidate. Measured on a 2-core AVX2
 * machine with SmolLM2-135M: 4 candidates cost ~2.5x one as Q4_1, ~1.4x as Q4_0.
 */
export type BatchScaling = 'repacked' | 'unrepacked' | 'unknown';

/**
 * GGUF `general.file_type` values (llama.cpp's llama_ftype) of the types this module judges;
 * any other value is reported as unknown and never warned about.
 */
const WEIGHT_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'F32'],
  [1, 'F16'],
  [2, 'Q4_0'],
  [3, 'Q4_1'],
  [7, 'Q8_0'],
  [8, 'Q5_0'],
  [9, 'Q5_1'],
  [10, 'Q2_K'],
  [11, 'Q3_K_S'],
  [12, 'Q3_K_M'],
  [13, 'Q3_K_L'],
  [14, 'Q4_K_S'],
  [15, 'Q4_K_M'],
  [16, 'Q5_K_S'],
  [17, 'Q5_K_M'],
  [18, 'Q6_K'],
  [21, 'Q2_K_S'],
  [25, 'IQ4_NL'],
  [32, 'BF16'],
]);

const REPACKED = new Set(['Q4_0', 'IQ4_NL']);
const UNREPACKED = new Set(['Q4_1', 'Q5_0', 'Q5_1', 'Q8_0', 'F16', 'BF16', 'F32']);
/** K-quant blocks span 256 values of a row. */
const K_QUANT_BLOCK = 256;

/** The weight type's name (e.g. "Q4_1") for a GGUF `general.file_type`; null when not one judged here. */
export function weightTypeName(fileType: unknown): string | null {
  return typeof fileType === 'number' ? (WEIGHT_TYPE_NAMES.get(fileType) ?? null) : null;
}

/**
 * K-quants whose rows are not multiples of 256 (the model's embedding length) cannot be stored as
 * K-quants: llama.cpp quantises those tensors to a fallback type (Q5_0, Q8_0, …) that is not
 * repacked, so they count as unrepacked. With aligned rows their kernels depend on the type and
 * CPU: unknown, and the measurement alone decides.
 */
export function batchScalingOf(weightType: string | null, embeddingLength: number | null): BatchScaling {
  if (weightType === null) return 'unknown';
  if (REPACKED.has(weightType)) return 'repacked';
  if (UNREPACKED.has(weightType)) return 'unrepacked';
  if (/_K(_|$)/.test(weightType) && embeddingLength !== null && embeddingLength % K_QUANT_BLOCK !== 0) return 'unrepacked';
  return 'unknown';
}
