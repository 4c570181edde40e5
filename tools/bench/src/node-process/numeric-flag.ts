/**
 * Reads a numeric command-line flag of a node benchmark (`--reps 5`, `--threads 2`): the default
 * when absent, a RangeError naming the flag when it is not a number in range.
 */
export function numericFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  limits: { readonly min: number; readonly max?: number; readonly integer?: boolean },
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const integer = limits.integer ?? true;
  const max = limits.max ?? Number.MAX_SAFE_INTEGER;
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < limits.min || value > max) {
    const kind = integer ? 'an integer' : 'a number';
    throw new RangeError(`--${name} must be ${kind} from ${limits.min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A comma-separated list of integers (`--instances 1,3,5,8`), each checked like {@link numericFlag}. */
export function integerListFlag(name: string, raw: string | undefined, fallback: readonly number[], min: number, max: number): number[] {
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new RangeError(`--${name} must be a comma-separated list of integers, got "${raw}"`);
  return items.map((item) => numericFlag(name, item, 0, { min, max }));
}
