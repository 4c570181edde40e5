import type { Q4_0BlockQuantizer } from './q4-0-block-quantizer';
import { Q4_0_BLOCK_BYTES } from './q4-blocks';
import { quantizeQ4_0ByScaleSearch } from './quantize-q4-0-by-scale-search';
import { requantizeQ4_1 } from './requantize-q4-1';

/** Q4_1 tensor data → Q4_0 tensor data. */
export function requantizeQ4_1ToQ4_0(q4_1: Uint8Array, quantize: Q4_0BlockQuantizer = quantizeQ4_0ByScaleSearch): Uint8Array {
  return requantizeQ4_1(q4_1, quantize, Q4_0_BLOCK_BYTES);
}
