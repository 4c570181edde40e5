import { F16_VALUES, toF16Bits } from './f16';
import type { BlockQuantizer } from './block-quantizer';
import { IQ4_NL_LEVELS } from './iq4-nl-blocks';
import { signedMaximum } from './q4-0-block-quantizer';
import { Q4_BLOCK_WEIGHTS, writeQ4_0Block } from './q4-blocks';

const LOWEST = IQ4_NL_LEVELS[0] ?? 0;
const LEVEL_COUNT = IQ4_NL_LEVELS.length;
/** Inverse scales tried around the one that maps the largest weight onto the lowest level (llama.cpp's `ntry`). */
const SCALE_TRIES = 7;
/** Below this largest magnitude a block is zero (llama.cpp's `GROUP_MAX_EPS`). */
const ZERO_BLOCK_MAGNITUDE = 1e-15;

const weights = new Float64Array(Q4_BLOCK_WEIGHTS);
const indices = new Uint8Array(Q4_BLOCK_WEIGHTS);
/** Σ w·level·x and Σ w·level² of the last {@link fitLevels}, kept here so the hot loop allocates nothing. */
const sums = new Float64Array(2);

/** The index of the level nearest to `scaled`, the upper of two equally near (ggml-quants.c `best_index_int8`). */
export function nearestIq4NlLevel(scaled: number): number {
  if (scaled <= LOWEST) return 0;
  if (scaled >= (IQ4_NL_LEVELS[LEVEL_COUNT - 1] ?? 0)) return LEVEL_COUNT - 1;
  let low = 0;
  let high = LEVEL_COUNT - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (scaled < (IQ4_NL_LEVELS[middle] ?? 0)) high = middle;
    else low = middle;
  }
  return scaled - (IQ4_NL_LEVELS[high - 1] ?? 0) < (IQ4_NL_LEVELS[high] ?? 0) - scaled ? high - 1 : high;
}

/** Picks each weight's nearest level at `inverseScale` into `indices`, and the weighted sums whose ratio is the least-squares scale. */
function fitLevels(values: Float32Array, inverseScale: number): void {
  let levelTimesValue = 0;
  let levelSquared = 0;
  for (let j = 0; j < Q4_BLOCK_WEIGHTS; j++) {
    const value = values[j] ?? 0;
    const index = nearestIq4NlLevel(inverseScale * value);
    indices[j] = index;
    const level = IQ4_NL_LEVELS[index] ?? 0;
    const weight = weights[j] ?? 0;
    levelTimesValue += weight * level * value;
    levelSquared += weight * level * level;
  }
  sums[0] = levelTimesValue;
  sums[1] = levelSquared;
}

/**
 * IQ4_NL as llama.cpp quantises it without an importance matrix (ggml-quants.c
 * `quantize_row_iq4_nl_impl`, ntry = 7, each weight counted by x²): the largest weight mapped to the
 * top level, then to the lowest level −127 + t for t = −7 … 7; each mapping picks nearest levels and
 * solves the weighted least-squares scale Σwqx / Σwq², the best fit wins, the first of equals. Unlike
 * llama.cpp, the final indices are picked against the scale as f16 stores it, not the unrounded one,
 * so that they fit the weights the file actually holds. A zero block gets d = 0 and index 8 (level 1).
 */
export const quantizeIq4Nl: BlockQuantizer = (values, out, at) => {
  const max = signedMaximum(values);
  if (Math.abs(max) < ZERO_BLOCK_MAGNITUDE) {
    writeQ4_0Block(out, at, 0, indices.fill(nearestIq4NlLevel(0)));
    return;
  }
  for (let j = 0; j < Q4_BLOCK_WEIGHTS; j++) weights[j] = (values[j] ?? 0) ** 2;
  fitLevels(values, -LOWEST / max);
  let scale = (sums[0] ?? 0) / (sums[1] ?? 1);
  let best = scale * (sums[0] ?? 0);
  for (let shift = -SCALE_TRIES; shift <= SCALE_TRIES; shift++) {
    fitLevels(values, (shift + LOWEST) / max);
    const levelTimesValue = sums[0] ?? 0;
    const levelSquared = sums[1] ?? 0;
    // Σwqx² / Σwq² is the error the least-squares scale removes: the larger, the better the fit.
    if (levelSquared > 0 && levelTimesValue * levelTimesValue > best * levelSquared) {
      scale = levelTimesValue / levelSquared;
      best = scale * levelTimesValue;
    }
  }
  const scaleBits = toF16Bits(scale);
  const stored = F16_VALUES[scaleBits] ?? 0;
  const inverse = stored !== 0 ? 1 / stored : 0;
  for (let j = 0; j < Q4_BLOCK_WEIGHTS; j++) indices[j] = nearestIq4NlLevel(inverse * (values[j] ?? 0));
  writeQ4_0Block(out, at, scaleBits, indices);
};
