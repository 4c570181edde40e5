const f32 = new Float32Array(1);
const f32Bits = new Uint32Array(f32.buffer);

/**
 * IEEE half-precision bits of a value, rounded to nearest even as the F16C instructions llama.cpp
 * uses do. The value is first rounded to float32, the precision llama.cpp computes scales in.
 */
export function toF16Bits(value: number): number {
  f32[0] = value;
  const bits = f32Bits[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign;
    // Subnormal half: the implicit leading 1 becomes explicit and shifts out with the rest.
    const shift = 14 - halfExponent;
    return sign | roundShifted(mantissa | 0x800000, shift);
  }
  // A carry out of the mantissa rightly bumps the exponent (and gives infinity past the largest half).
  return sign | ((halfExponent << 10) + roundShifted(mantissa, 13));
}

function roundShifted(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

function decodeF16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** Every half value by its bits: decoding a scale per block is then one array read. */
export const F16_VALUES: Float32Array = Float32Array.from({ length: 0x10000 }, (_unused, bits) => decodeF16(bits));

export function fromF16Bits(bits: number): number {
  return F16_VALUES[bits & 0xffff] ?? NaN;
}
