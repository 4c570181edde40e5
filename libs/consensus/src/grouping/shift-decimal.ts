/**
 * An exact canonical decimal (as canonicalNumber writes it: "-12.5", "1000") times 10^exponent,
 * in the same canonical form: "1.5" and 3 give "1500", "25" and -2 give "0.25". Strings, not
 * floats, so 0.1 km is exactly 100 m.
 */
export function shiftDecimal(value: string, exponent: number): string {
  const negative = value.startsWith('-');
  const [integer = '', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = `${integer}${fraction}`;
  const point = integer.length + exponent;
  const padded = point <= 0 ? `${'0'.repeat(1 - point)}${digits}` : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  const whole = padded.slice(0, at).replace(/^0+(?=\d)/u, '');
  let end = padded.length;
  while (end > at && padded.charAt(end - 1) === '0') end--;
  const decimals = padded.slice(at, end);
  const magnitude = decimals === '' ? whole : `${whole}.${decimals}`;
  return negative && /[1-9]/u.test(magnitude) ? `-${magnitude}` : magnitude;
}
