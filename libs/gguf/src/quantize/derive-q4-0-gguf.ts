import type { GgufHeader } from '../format/gguf-header';
import { deriveFromQ4_1Gguf } from './derive-from-q4-1-gguf';
import type { Q4_0BlockQuantizer } from './q4-0-block-quantizer';
import { Q4_0_FORMAT } from './q4-1-requantization-format';
import { quantizeQ4_0ByScaleSearch } from './quantize-q4-0-by-scale-search';

/**
 * Writes a copy of a GGUF whose Q4_1 tensors are requantised to Q4_0 (llama.cpp has repacked
 * AVX2 kernels for Q4_0, not for Q4_1); every other tensor is copied byte for byte. Deterministic:
 * the same input always gives the same bytes.
 */
export function deriveQ4_0Gguf(inputPath: string, outputPath: string, quantize: Q4_0BlockQuantizer = quantizeQ4_0ByScaleSearch): Promise<GgufHeader> {
  return deriveFromQ4_1Gguf(inputPath, outputPath, Q4_0_FORMAT, quantize);
}
