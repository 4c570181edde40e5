import { GgufError, GgufErrorCode } from '../format/gguf-error';
import type { Q4_0BlockQuantizer } from './q4-0-block-quantizer';
import { dequantizeQ4_1Block, Q4_0_BLOCK_BYTES, Q4_1_BLOCK_BYTES, Q4_BLOCK_WEIGHTS } from './q4-blocks';
import { quantizeQ4_0ByScaleSearch } from './quantize-q4-0-by-scale-search';

/** Q4_1 tensor data → Q4_0 tensor data, block by block, through one reused 32-weight buffer. */
export function requantizeQ4_1ToQ4_0(q4_1: Uint8Array, quantize: Q4_0BlockQuantizer = quantizeQ4_0ByScaleSearch): Uint8Array {
  if (q4_1.length % Q4_1_BLOCK_BYTES !== 0) {
    throw new GgufError(GgufErrorCode.INVALID, `Q4_1 data of ${q4_1.length} bytes is not a whole number of ${Q4_1_BLOCK_BYTES}-byte blocks`);
  }
  const blocks = q4_1.length / Q4_1_BLOCK_BYTES;
  const out = new Uint8Array(blocks * Q4_0_BLOCK_BYTES);
  const values = new Float32Array(Q4_BLOCK_WEIGHTS);
  for (let block = 0; block < blocks; block++) {
    dequantizeQ4_1Block(q4_1, block * Q4_1_BLOCK_BYTES, values);
    quantize(values, out, block * Q4_0_BLOCK_BYTES);
  }
  return out;
}
