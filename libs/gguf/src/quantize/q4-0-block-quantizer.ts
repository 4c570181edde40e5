import type { BlockQuantizer } from './block-quantizer';

/** Quantises 32 weights (`values[0..32)`) into the 18-byte Q4_0 block at `out[at..]`. */
export type Q4_0BlockQuantizer = BlockQuantizer;

/** The signed weight of largest magnitude, the first of equals: the end of the range a Q4_0 scale must reach. */
export function signedMaximum(values: Float32Array): number {
  let max = 0;
  let magnitude = 0;
  for (let j = 0; j < values.length; j++) {
    const value = values[j] ?? 0;
    if (Math.abs(value) > magnitude) {
      magnitude = Math.abs(value);
      max = value;
    }
  }
  return max;
}
