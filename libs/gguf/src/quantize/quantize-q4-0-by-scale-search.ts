import { F16_VALUES, toF16Bits } from './f16';
import { signedMaximum, type Q4_0BlockQuantizer } from './q4-0-block-quantizer';
import { Q4_BLOCK_WEIGHTS, writeQ4_0Block } from './q4-blocks';

/** 61 factors 0.70, 0.71, … 1.30 of the reference scale max / −8. */
export const SCALE_SEARCH_FACTORS: Float64Array = Float64Array.from({ length: 61 }, (_unused, i) => (70 + i) / 100);

const quants = new Uint8Array(Q4_BLOCK_WEIGHTS);

/**
 * q = clamp(round(x/d) + 8, 0, 15), halves rounded up; d = 0 maps every weight to 8 (zero).
 * Truncation stands in for floor: they differ only below 0, which the clamp maps to 0 either way.
 */
function quantize(value: number, d: number): number {
  if (d === 0) return 8;
  const q = (value / d + 8.5) | 0;
  return q < 0 ? 0 : q > 15 ? 15 : q;
}

/**
 * Squared error of the block at scale d, or any value ≥ `bound` once it is known to reach it:
 * most candidates lose within a few weights, which makes the search several times cheaper.
 */
function squaredError(values: Float32Array, d: number, bound: number): number {
  let error = 0;
  for (let j = 0; j < Q4_BLOCK_WEIGHTS && error < bound; j++) {
    const value = values[j] ?? 0;
    const difference = value - d * (quantize(value, d) - 8);
    error += difference * difference;
  }
  return error;
}

/**
 * Q4_0 with a per-block scale search: the reference scale max / −8 rounds the largest weight
 * exactly and leaves the rest where they fall, which on small models costs answer quality. Each
 * candidate scale is rounded to f16 before it quantises, so the error compared is the error
 * stored; the least squared error wins, the first of equals.
 */
export const quantizeQ4_0ByScaleSearch: Q4_0BlockQuantizer = (values, out, at) => {
  const max = signedMaximum(values);
  if (max === 0) {
    // 0 / −8 is −0, whose f16 bits are 0x8000: a zero block gets a plain zero scale.
    writeQ4_0Block(out, at, 0, quants.fill(8));
    return;
  }
  const base = Math.fround(max / -8);
  let bestBits = 0;
  let bestError = Infinity;
  for (const factor of SCALE_SEARCH_FACTORS) {
    const bits = toF16Bits(base * factor);
    const error = squaredError(values, F16_VALUES[bits] ?? 0, bestError);
    if (error < bestError) {
      bestError = error;
      bestBits = bits;
    }
  }
  const d = F16_VALUES[bestBits] ?? 0;
  for (let j = 0; j < Q4_BLOCK_WEIGHTS; j++) quants[j] = quantize(values[j] ?? 0, d);
  writeQ4_0Block(out, at, bestBits, quants);
};
