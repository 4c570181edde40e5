import { dequantizeQ4_1Block, Q4_0_BLOCK_BYTES, Q4_1_BLOCK_BYTES, Q4_BLOCK_WEIGHTS } from './q4-blocks';
import { quantizeQ4_0ByScaleSearch } from './quantize-q4-0-by-scale-search';
import { quantizeQ4_0Reference } from './quantize-q4-0-reference';
import { requantizationError } from './requantization-error';
import { requantizeQ4_1ToQ4_0 } from './requantize-q4-1-to-q4-0';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** Q4_1 block d = 1/16 (f16 0x2c00), m = 0.5 (0x3800): weight 0 has q = 15 (1.4375), the other 31 q = 0 (0.5). */
const ONE_OUTLIER = Buffer.from([0x00, 0x2c, 0x00, 0x38, 0x0f, ...new Array<number>(15).fill(0)]);

describe('quantizeQ4_0ByScaleSearch', () => {
  it('requantises a Q4_1 block to the f16 scale of least error', () => {
    // Reference: d = 1.4375 / −8 = −0.1796875 (0xb1c0): 1.4375 exact, each 0.5 → 3 steps = 0.539.
    // With 1.4375 at −8 steps and 0.5 at −3, the error (1.4375 + 8d)² + 31 (0.5 + 3d)² is least at
    // d = −58 / 343 = −0.1691; the search's nearest candidate is factor 0.94: −0.16890625, which
    // f16 stores as −0.1689453125 (0xb168). q: 0 for weight 0, 5 for the rest (0x55 per pair).
    const expected = `68b1 50 ${'55'.repeat(15)}`.replace(/ /g, '');
    expect(hex(requantizeQ4_1ToQ4_0(ONE_OUTLIER))).toBe(expected);
    expect(hex(requantizeQ4_1ToQ4_0(ONE_OUTLIER, quantizeQ4_0Reference))).toBe(`c0b1 50 ${'55'.repeat(15)}`.replace(/ /g, ''));
  });

  it('gives a zero block d = 0 and every q = 8', () => {
    const out = new Uint8Array(Q4_0_BLOCK_BYTES);
    quantizeQ4_0ByScaleSearch(new Float32Array(Q4_BLOCK_WEIGHTS), out, 0);
    expect(hex(out)).toBe(`0000${'88'.repeat(16)}`);
  });

  it('clamps a weight past the 4-bit range to q = 15', () => {
    // −8, thirty −6 and 7.5: d = 1 (0x3c00) keeps 31 weights exact (q = 0 and 2) and clamps 7.5
    // (q = 16) to 15, an error of 0.25; a scale that reaches 7.5 moves the thirty −6 more than that.
    // Unclamped, q = 16 would spill out of its nibble as 0.
    const values = new Float32Array(Q4_BLOCK_WEIGHTS).fill(-6);
    values[0] = -8;
    values[31] = 7.5;
    const out = new Uint8Array(Q4_0_BLOCK_BYTES);
    quantizeQ4_0ByScaleSearch(values, out, 0);
    expect(hex(out)).toBe(`003c20${'22'.repeat(14)}f2`);
  });

  it('moves the weights of random Q4_1 blocks less than the reference quantiser', () => {
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const blocks = Buffer.from(Array.from({ length: 200 * Q4_1_BLOCK_BYTES }, random));
    // Finite, modest scales: f16 0x2000..0x2fff (about 0.008..0.12), minimum its negative.
    for (let at = 0; at < blocks.length; at += Q4_1_BLOCK_BYTES) {
      blocks[at + 1] = 0x20 | ((blocks[at + 1] ?? 0) & 0x0f);
      blocks[at + 3] = 0xa0 | ((blocks[at + 3] ?? 0) & 0x0f);
    }
    const values = new Float32Array(Q4_BLOCK_WEIGHTS);
    dequantizeQ4_1Block(blocks, 0, values);
    expect(values.every(Number.isFinite)).toBe(true);
    const search = requantizationError(blocks, quantizeQ4_0ByScaleSearch);
    const reference = requantizationError(blocks, quantizeQ4_0Reference);
    expect(search.squaredValue).toBe(reference.squaredValue);
    expect(search.squaredError).toBeLessThan(reference.squaredError * 0.9);
  });
});
