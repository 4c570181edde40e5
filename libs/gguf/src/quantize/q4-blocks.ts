import { F16_VALUES } from './f16';

/** Weights per Q4_0 or Q4_1 block. */
export const Q4_BLOCK_WEIGHTS = 32;
/** f16 scale, f16 minimum, 16 bytes of nibbles. */
export const Q4_1_BLOCK_BYTES = 20;
/** f16 scale, 16 bytes of nibbles. */
export const Q4_0_BLOCK_BYTES = 18;

/**
 * Weights of the Q4_1 block at `at` into `out[0..32)`, as llama.cpp computes them in float32:
 * x = d·q + m; byte j holds weight j in its low nibble and weight j+16 in its high one.
 */
export function dequantizeQ4_1Block(block: Uint8Array, at: number, out: Float32Array): void {
  const d = F16_VALUES[(block[at] ?? 0) | ((block[at + 1] ?? 0) << 8)] ?? 0;
  const m = F16_VALUES[(block[at + 2] ?? 0) | ((block[at + 3] ?? 0) << 8)] ?? 0;
  for (let j = 0; j < 16; j++) {
    const packed = block[at + 4 + j] ?? 0;
    out[j] = d * (packed & 0x0f) + m;
    out[j + 16] = d * (packed >>> 4) + m;
  }
}

/** Weights of the Q4_0 block at `at` into `out[0..32)`: x = d·(q − 8). */
export function dequantizeQ4_0Block(block: Uint8Array, at: number, out: Float32Array): void {
  const d = F16_VALUES[(block[at] ?? 0) | ((block[at + 1] ?? 0) << 8)] ?? 0;
  for (let j = 0; j < 16; j++) {
    const packed = block[at + 2 + j] ?? 0;
    out[j] = d * ((packed & 0x0f) - 8);
    out[j + 16] = d * ((packed >>> 4) - 8);
  }
}

/** Writes a Q4_0 block: the scale's f16 bits, then the 4-bit values of `quants[0..32)` paired j, j+16. */
export function writeQ4_0Block(out: Uint8Array, at: number, scaleBits: number, quants: Uint8Array): void {
  out[at] = scaleBits & 0xff;
  out[at + 1] = scaleBits >>> 8;
  for (let j = 0; j < 16; j++) out[at + 2 + j] = (quants[j] ?? 8) | ((quants[j + 16] ?? 8) << 4);
}
