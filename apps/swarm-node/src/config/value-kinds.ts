import type { ValueKind } from './field-spec';

const DIGITS = /^[0-9]+$/;

/** An integer within inclusive bounds. */
export function integers(limits: { readonly min: number; readonly max: number }): ValueKind<number> {
  const inRange = (n: number): number | undefined =>
    Number.isSafeInteger(n) && n >= limits.min && n <= limits.max ? n : undefined;
  return {
    expected: `an integer between ${limits.min} and ${limits.max}`,
    // Plain decimal digits only: "1e3", "0x10", "+5", "3.0" and "" are rejected, not coerced.
    fromCli: (raw) => (typeof raw === 'string' && DIGITS.test(raw) ? inRange(Number(raw)) : undefined),
    fromFile: (value) => (typeof value === 'number' ? inRange(value) : undefined),
  };
}

/** One of a fixed list of names, spelled exactly. */
export function oneOf<T extends string>(choices: readonly T[]): ValueKind<T> {
  const pick = (value: unknown): T | undefined => choices.find((name) => name === value);
  return { expected: `one of ${choices.join(', ')}`, fromCli: pick, fromFile: pick };
}

function isBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** On or off: a flag without argument, `true`/`false` in a file. */
export const onOff: ValueKind<boolean> = { expected: 'true or false', fromCli: isBoolean, fromFile: isBoolean };

/** A value whose default is "decide later": `null` in a file means the same as leaving it out. */
export function orNull<T>(kind: ValueKind<T>): ValueKind<T | null> {
  return { ...kind, fromFile: (value, configPath) => (value === null ? null : kind.fromFile(value, configPath)) };
}
