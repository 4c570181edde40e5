import { F16_VALUES } from './f16';

/** The 16 levels an IQ4_NL index picks (ggml-common.h `kvalues_iq4nl`), ascending; a weight is d · level. */
export const IQ4_NL_LEVELS: Int8Array = Int8Array.of(-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113);

/** f16 scale, 16 bytes of 4-bit level indices: the Q4_0 layout with a non-linear table for q. */
export const IQ4_NL_BLOCK_BYTES = 18;

/** Weights of the IQ4_NL block at `at` into `out[0..32)`: x = d · level[q]; byte j holds q of weights j and j+16. */
export function dequantizeIq4NlBlock(block: Uint8Array, at: number, out: Float32Array): void {
  const d = F16_VALUES[(block[at] ?? 0) | ((block[at + 1] ?? 0) << 8)] ?? 0;
  for (let j = 0; j < 16; j++) {
    const packed = block[at + 2 + j] ?? 0;
    out[j] = d * (IQ4_NL_LEVELS[packed & 0x0f] ?? 0);
    out[j + 16] = d * (IQ4_NL_LEVELS[packed >>> 4] ?? 0);
  }
}
