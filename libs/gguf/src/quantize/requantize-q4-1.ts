import { GgufError, GgufErrorCode } from '../format/gguf-error';
import type { BlockQuantizer } from './block-quantizer';
import { dequantizeQ4_1Block, Q4_1_BLOCK_BYTES, Q4_BLOCK_WEIGHTS } from './q4-blocks';

/** Q4_1 tensor data → tensor data of `blockBytes`-byte blocks, block by block, through one reused 32-weight buffer. */
export function requantizeQ4_1(q4_1: Uint8Array, quantize: BlockQuantizer, blockBytes: number): Uint8Array {
  if (q4_1.length % Q4_1_BLOCK_BYTES !== 0) {
    throw new GgufError(GgufErrorCode.INVALID, `Q4_1 data of ${q4_1.length} bytes is not a whole number of ${Q4_1_BLOCK_BYTES}-byte blocks`);
  }
  const blocks = q4_1.length / Q4_1_BLOCK_BYTES;
  const out = new Uint8Array(blocks * blockBytes);
  const values = new Float32Array(Q4_BLOCK_WEIGHTS);
  for (let block = 0; block < blocks; block++) {
    dequantizeQ4_1Block(q4_1, block * Q4_1_BLOCK_BYTES, values);
    quantize(values, out, block * blockBytes);
  }
  return out;
}
