import type { ValueKind } from './field-spec';

/** A plain decimal: "0.9", "1", ".95"; no exponent, sign or hex, as integers() refuses them too. */
const DECIMAL = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/**
 * A cosine similarity threshold in (0, 1]: a decimal after the flag or a number in the file; the
 * flag alone (`--semantic-grouping`) means `whenBare`.
 */
export function similarityThresholds(whenBare: number): ValueKind<number> {
  const inRange = (n: number): number | undefined => (Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined);
  return {
    expected: 'a number greater than 0 and at most 1',
    fromCli: (raw) => (raw === true ? whenBare : typeof raw === 'string' && DECIMAL.test(raw) ? inRange(Number(raw)) : undefined),
    fromFile: (value) => (typeof value === 'number' ? inRange(value) : undefined),
  };
}
