import { toF16Bits } from './f16';
import { signedMaximum, type Q4_0BlockQuantizer } from './q4-0-block-quantizer';
import { Q4_BLOCK_WEIGHTS, writeQ4_0Block } from './q4-blocks';

const quants = new Uint8Array(Q4_BLOCK_WEIGHTS);

/**
 * llama.cpp's reference Q4_0 quantiser (`quantize_row_q4_0_ref`), in float32 as it computes:
 * d = max / −8, q = min(15, trunc(x/d + 8.5)). Kept as the baseline the scale search must beat;
 * it quantises against the unrounded d but stores d rounded to f16.
 */
export const quantizeQ4_0Reference: Q4_0BlockQuantizer = (values, out, at) => {
  const d = Math.fround(signedMaximum(values) / -8);
  const inverse = d !== 0 ? Math.fround(1 / d) : 0;
  for (let j = 0; j < Q4_BLOCK_WEIGHTS; j++) {
    quants[j] = Math.min(15, Math.trunc(Math.fround(Math.fround((values[j] ?? 0) * inverse) + 8.5)));
  }
  writeQ4_0Block(out, at, toF16Bits(d), quants);
};
