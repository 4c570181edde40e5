import type { GgufHeader } from '../format/gguf-header';
import { deriveFromQ4_1Gguf, type DeriveFromQ4_1Options } from './derive-from-q4-1-gguf';
import { IQ4_NL_FORMAT } from './q4-1-requantization-format';
import { quantizeIq4Nl } from './quantize-iq4-nl';

/**
 * Writes a copy of a GGUF whose Q4_1 tensors are requantised to IQ4_NL: the same 18-byte blocks
 * and repacked AVX2 kernels as Q4_0, but 16 non-linear levels that follow the bell-shaped weights
 * more closely than Q4_0's evenly spaced ones. Every other tensor is copied byte for byte.
 */
export function deriveIq4NlGguf(inputPath: string, outputPath: string, options: DeriveFromQ4_1Options = {}): Promise<GgufHeader> {
  return deriveFromQ4_1Gguf(inputPath, outputPath, IQ4_NL_FORMAT, quantizeIq4Nl, options);
}
