import type { BlockDequantizer, BlockQuantizer } from './block-quantizer';
import { dequantizeIq4NlBlock, IQ4_NL_BLOCK_BYTES, IQ4_NL_LEVELS } from './iq4-nl-blocks';
import { dequantizeQ4_0Block, Q4_0_BLOCK_BYTES, Q4_BLOCK_WEIGHTS } from './q4-blocks';
import { nearestIq4NlLevel, quantizeIq4Nl } from './quantize-iq4-nl';
import { quantizeQ4_0ByScaleSearch } from './quantize-q4-0-by-scale-search';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function quantizeOne(values: Float32Array): Uint8Array {
  const out = new Uint8Array(IQ4_NL_BLOCK_BYTES);
  quantizeIq4Nl(values, out, 0);
  return out;
}

/** Standard normal weights from a fixed seed (Box–Muller over a linear congruential generator). */
function gaussianBlocks(blocks: number): Float32Array[] {
  let seed = 2024;
  const uniform = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) + 1) / 2 ** 32;
  return Array.from({ length: blocks }, () =>
    Float32Array.from({ length: Q4_BLOCK_WEIGHTS }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()) * 0.02),
  );
}

function roundTripError(blocks: readonly Float32Array[], quantize: BlockQuantizer, dequantize: BlockDequantizer, blockBytes: number): number {
  const block = new Uint8Array(blockBytes);
  const back = new Float32Array(Q4_BLOCK_WEIGHTS);
  let squaredError = 0;
  for (const values of blocks) {
    quantize(values, block, 0);
    dequantize(block, 0, back);
    values.forEach((value, j) => (squaredError += ((back[j] ?? 0) - value) ** 2));
  }
  return squaredError;
}

describe('nearestIq4NlLevel', () => {
  it('picks the nearest level, the upper of two equally near, and clamps to the ends', () => {
    expect([-200, -127, -116, -115.5, -115, 0, 0.5, 1, 100, 101, 113, 500].map(nearestIq4NlLevel)).toEqual([0, 0, 0, 1, 1, 8, 8, 8, 14, 15, 15, 15]);
  });
});

describe('quantizeIq4Nl', () => {
  it('fits one outlier and 31 equal weights by x²-weighted least squares', () => {
    // 1.4375 and thirty-one 0.5. Mapping the largest weight to the top level (scale 1.4375 / 127)
    // puts it at 113 (index 15) and each 0.5 at 44.2 → 38 (index 11); with w = x², the least-squares
    // scale is (1.4375³·113 + 31·0.5³·38) / (1.4375²·113² + 31·0.5²·38²) = 0.012851, fit Σwqx²/Σwq² = 6.206.
    // Mapping it to −127 + t instead gives −127 and −49 (t ≤ 6, fit 6.193) or −35 (t = 7, fit 6.142):
    // both lose. f16 stores 0.01285 (0x2294); at that scale the indices stay 15 and 11.
    const values = new Float32Array(Q4_BLOCK_WEIGHTS).fill(0.5);
    values[0] = 1.4375;
    expect(hex(quantizeOne(values))).toBe(`9422bf${'bb'.repeat(15)}`);
  });

  it('finds the exact scale when the weights are table levels and the largest is negative', () => {
    // x = 0.01 · level[j mod 16]: the largest magnitude is −1.27. Mapped to the top level (scale
    // −0.01) the levels come out mirrored and inexact; the try t = 0 maps −1.27 to −127, scale 0.01,
    // error 0. f16 stores 0.0099945 (0x211f); the indices are j mod 16, so byte j is j·0x11.
    const values = Float32Array.from({ length: Q4_BLOCK_WEIGHTS }, (_unused, j) => 0.01 * (IQ4_NL_LEVELS[j % 16] ?? 0));
    expect(hex(quantizeOne(values))).toBe(`1f21${Array.from({ length: 16 }, (_unused, j) => (j * 0x11).toString(16).padStart(2, '0')).join('')}`);
  });

  it('gives a zero block d = 0 and index 8 (level 1) everywhere, as llama.cpp does', () => {
    expect(hex(quantizeOne(new Float32Array(Q4_BLOCK_WEIGHTS)))).toBe(`0000${'88'.repeat(16)}`);
  });

  it('moves Gaussian weights less than Q4_0 with a scale search does', () => {
    const blocks = gaussianBlocks(400);
    const iq4Nl = roundTripError(blocks, quantizeIq4Nl, dequantizeIq4NlBlock, IQ4_NL_BLOCK_BYTES);
    const q4_0 = roundTripError(blocks, quantizeQ4_0ByScaleSearch, dequantizeQ4_0Block, Q4_0_BLOCK_BYTES);
    expect(iq4Nl).toBeLessThan(q4_0 * 0.9);
  });
});
