/** RFC 4648 base32 alphabet, lower-cased: node ids end up in mDNS TXT records and host-like places. */
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 §6 base32 without padding, lower case. */
export function encodeBase32Lower(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bitCount = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bitCount += 8;
    while (bitCount >= 5) {
      output += BASE32_ALPHABET.charAt((buffer >>> (bitCount - 5)) & 31);
      bitCount -= 5;
    }
  }
  if (bitCount > 0) output += BASE32_ALPHABET.charAt((buffer << (5 - bitCount)) & 31);
  return output;
}
