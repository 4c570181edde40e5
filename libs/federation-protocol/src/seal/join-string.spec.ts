import { KeyFileErrorCode } from '../identity/key-file-error';
import { formatJoinString, parseJoinString } from './join-string';
import { newSwarmKey } from './swarm-key';
import { COUNTING_KEY } from './testing/seal-fixtures';

// lsjoin1: + base64url(key ‖ SHA-256(key)[0..4)), computed independently with Python's hashlib.
const COUNTING_JOIN = 'lsjoin1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9jDc0p';

describe('join string', () => {
  it('is lsjoin1: + base64url(key and a 4-byte checksum) (known answer)', () => {
    expect(formatJoinString(COUNTING_KEY)).toBe(COUNTING_JOIN);
  });

  it('gives back the key, surrounding whitespace ignored', () => {
    const key = newSwarmKey();
    const parsed = parseJoinString(`  ${formatJoinString(key)}\n`);
    expect(parsed.ok && parsed.value.bytes().equals(key.bytes())).toBe(true);
  });

  it('refuses every single-character typo through its checksum', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let position = 'lsjoin1:'.length; position < COUNTING_JOIN.length; position += 1) {
      const original = COUNTING_JOIN.charAt(position);
      const replacement = alphabet.charAt((alphabet.indexOf(original) + 7) % alphabet.length);
      const typo = COUNTING_JOIN.slice(0, position) + replacement + COUNTING_JOIN.slice(position + 1);
      expect(parseJoinString(typo)).toMatchObject({ ok: false, code: KeyFileErrorCode.INVALID_JOIN_STRING });
    }
    const swapped = `${COUNTING_JOIN.slice(0, 10)}${COUNTING_JOIN.charAt(11)}${COUNTING_JOIN.charAt(10)}${COUNTING_JOIN.slice(12)}`;
    expect(parseJoinString(swapped)).toMatchObject({ ok: false, message: expect.stringMatching(/checksum/) });
  });

  it.each([
    ['empty', '', /starts with "lsjoin1:"/],
    ['the hex key file format', '00'.repeat(32), /starts with "lsjoin1:"/],
    ['another version', COUNTING_JOIN.replace('lsjoin1:', 'lsjoin2:'), /version 2 is not supported/],
    ['cut', COUNTING_JOIN.slice(0, -1), /has 56 characters, this one has 55/],
    ['too long', `${COUNTING_JOIN}A`, /this one has 57/],
    ['not base64url', `${COUNTING_JOIN.slice(0, -1)}+`, /only A-Z/],
  ])('refuses %s with a clear message that does not repeat the string', (_, input, message) => {
    const parsed = parseJoinString(input);
    expect(parsed).toMatchObject({ ok: false, code: KeyFileErrorCode.INVALID_JOIN_STRING });
    expect(!parsed.ok && parsed.message).toMatch(message);
    expect(!parsed.ok && parsed.message).not.toContain(COUNTING_JOIN.slice(8, 20));
  });
});
