/**
 * A seeded uniform generator in [0, 1): mulberry32 (Tommy Ettinger's 32-bit mix). Small, fast and
 * good enough for resampling and generating test items; the same seed always gives the same
 * stream on every platform, which Math.random() cannot promise.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max] (both included) drawn from `random`. */
export function randomInteger(random: () => number, min: number, max: number): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`bad integer range [${min}, ${max}]`);
  return min + Math.floor(random() * (max - min + 1));
}
