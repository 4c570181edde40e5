/** A unit as a power of ten of its base unit: km is { base: 'm', exponent: 3 }. */
export interface UnitScale {
  readonly base: string;
  readonly exponent: number;
}

function spellings(base: string, exponent: number, names: readonly string[]): [string, UnitScale][] {
  return names.map((name) => [name, { base, exponent }]);
}

/**
 * The units a quantity is normalised in, kept small on purpose: metric length, mass and volume
 * (powers of ten, so conversion is an exact shift of the decimal point) and percent. Anything else
 * (feet, hours, degrees) stays as written and only equal quantities group.
 */
export const UNIT_SCALES: ReadonlyMap<string, UnitScale> = new Map([
  ...spellings('m', 0, ['m', 'meter', 'meters', 'metre', 'metres']),
  ...spellings('m', 3, ['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres']),
  ...spellings('m', -2, ['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres']),
  ...spellings('m', -3, ['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres']),
  ...spellings('g', 0, ['g', 'gram', 'grams', 'gramme', 'grammes']),
  ...spellings('g', 3, ['kg', 'kilogram', 'kilograms', 'kilo', 'kilos']),
  ...spellings('g', -3, ['mg', 'milligram', 'milligrams']),
  ...spellings('l', 0, ['l', 'liter', 'liters', 'litre', 'litres']),
  ...spellings('l', -3, ['ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres']),
  ...spellings('%', 0, ['%', 'percent', 'pct']),
]);
