import { InvalidArgumentError } from 'commander';

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
    const range =
      limits.min === Number.MIN_VALUE ? 'above 0' : max === Number.MAX_SAFE_INTEGER ? `from ${limits.min} up` : `from ${limits.min} to ${max}`;
    throw new RangeError(`--${name} must be ${kind} ${range}, got "${raw}"`);
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

/**
 * Wraps a flag parser for commander: a RangeError becomes commander's InvalidArgumentError, so a
 * bad flag prints one line (`error: option '--reps <count>' argument '0' is invalid. ...`) and
 * exits 1 instead of a stack trace.
 */
export function commanderParser<T>(parse: (raw: string) => T): (raw: string) => T {
  return (raw) => {
    try {
      return parse(raw);
    } catch (error) {
      if (error instanceof RangeError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}

/** A commander argument parser for `--<name> <integer ≥ 1>`, with numericFlag's message. */
export function positiveIntegerOption(name: string): (raw: string) => number {
  return commanderParser((raw) => numericFlag(name, raw, 0, { min: 1 }));
}

/** A commander argument parser for `--<name> <number > 0>` (fractions allowed). */
export function positiveNumberOption(name: string): (raw: string) => number {
  return commanderParser((raw) => numericFlag(name, raw, 0, { min: Number.MIN_VALUE, integer: false }));
}
