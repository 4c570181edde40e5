import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFileErrorCode } from '../identity/key-file-error';
import { newSwarmKey } from './swarm-key';
import { formatSwarmKey, parseSwarmKey, readSwarmKeyFile, writeSwarmKeyFile } from './swarm-key-file';
import { COUNTING_KEY } from './testing/seal-fixtures';
import { useTemporaryDirectory } from '../identity/testing/temporary-directory';

const COUNTING_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

describe('swarm key file', () => {
  const temporaryDirectory = useTemporaryDirectory('swarm-key');

  it('is 64 lower-case hex characters and a newline (known answer)', () => {
    expect(formatSwarmKey(COUNTING_KEY)).toBe(`${COUNTING_HEX}\n`);
  });

  it.each([COUNTING_HEX, `${COUNTING_HEX}\n`, `${COUNTING_HEX}\r\n`, COUNTING_HEX.toUpperCase()])(
    'reads %j',
    (text) => {
      const parsed = parseSwarmKey(text);
      expect(parsed.ok && parsed.value.bytes().toString('hex')).toBe(COUNTING_HEX);
    },
  );

  it.each([
    ['too short', COUNTING_HEX.slice(2), /64 hex characters .* found 62/],
    ['too long', `${COUNTING_HEX}00`, /found 66/],
    ['two newlines', `${COUNTING_HEX}\n\n`, /found 65/],
    ['leading space', ` ${COUNTING_HEX.slice(1)}`, /only hex/],
    ['not hex', `${COUNTING_HEX.slice(1)}g`, /only hex/],
    ['empty', '', /found 0/],
  ])('refuses a key that is %s', (_, text, message) => {
    const parsed = parseSwarmKey(text);
    expect(parsed).toMatchObject({ ok: false, code: KeyFileErrorCode.INVALID_KEY_FILE });
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it('writes 0600 and reads back; never replaces an existing key', () => {
    const path = join(temporaryDirectory(), 'dir', 'swarm.key');
    const key = newSwarmKey();
    expect(writeSwarmKeyFile(path, key).ok).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const read = readSwarmKeyFile(path);
    expect(read.ok && read.value.bytes().equals(key.bytes())).toBe(true);
    expect(writeSwarmKeyFile(path, newSwarmKey())).toMatchObject({ ok: false, code: KeyFileErrorCode.ALREADY_EXISTS });
    expect(readFileSync(path, 'utf8')).toBe(formatSwarmKey(key));
  });

  it.each([0o640, 0o604, 0o644])('refuses a file of mode %s', (mode) => {
    const path = join(temporaryDirectory(), 'swarm.key');
    writeFileSync(path, `${COUNTING_HEX}\n`);
    chmodSync(path, mode);
    const read = readSwarmKeyFile(path);
    expect(read).toMatchObject({ ok: false, code: KeyFileErrorCode.INSECURE_PERMISSIONS });
    expect(!read.ok && read.message).toContain('chmod 600');
  });

  it('names the file in its errors and never prints the key', () => {
    const path = join(temporaryDirectory(), 'swarm.key');
    writeFileSync(path, `${COUNTING_HEX}x\n`, { mode: 0o600 });
    const read = readSwarmKeyFile(path);
    expect(!read.ok && read.message).toContain(path);
    expect(!read.ok && read.message).not.toContain(COUNTING_HEX.slice(0, 16));
  });
});
