import type { BlockQuantizer } from './block-quantizer';
import { Q4_0_FORMAT, type Q4_1RequantizationFormat } from './q4-1-requantization-format';
import { dequantizeQ4_1Block, Q4_1_BLOCK_BYTES, Q4_BLOCK_WEIGHTS } from './q4-blocks';

/** Sums over weights, so that tensors add up to a whole model's relative error. */
export interface RequantizationError {
  /** Σ (requantised weight − Q4_1 weight)². */
  readonly squaredError: number;
  /** Σ (Q4_1 weight)². */
  readonly squaredValue: number;
}

/**
 * How far a quantiser into `format` (Q4_0 unless named) moves the weights of a Q4_1 tensor:
 * relative RMS error = √(squaredError / squaredValue).
 */
export function requantizationError(
  q4_1: Uint8Array,
  quantize: BlockQuantizer,
  format: Q4_1RequantizationFormat = Q4_0_FORMAT,
): RequantizationError {
  const original = new Float32Array(Q4_BLOCK_WEIGHTS);
  const requantized = new Float32Array(Q4_BLOCK_WEIGHTS);
  const block = new Uint8Array(format.blockBytes);
  let squaredError = 0;
  let squaredValue = 0;
  for (let at = 0; at + Q4_1_BLOCK_BYTES <= q4_1.length; at += Q4_1_BLOCK_BYTES) {
    dequantizeQ4_1Block(q4_1, at, original);
    quantize(original, block, 0);
    format.dequantize(block, 0, requantized);
    for (let j = 0; j < Q4_BLOCK_WEIGHTS; j++) {
      const value = original[j] ?? 0;
      const difference = (requantized[j] ?? 0) - value;
      squaredError += difference * difference;
      squaredValue += value * value;
    }
  }
  return { squaredError, squaredValue };
}
