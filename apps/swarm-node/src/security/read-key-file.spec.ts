import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKeyFile } from './read-key-file';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345._~+/=-';

describe('readKeyFile', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'key-file-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function keyFile(text: string, mode = 0o600): string {
    const path = join(dir, 'key');
    writeFileSync(path, text);
    chmodSync(path, mode);
    return path;
  }

  it.each([KEY, `${KEY}\n`, `${KEY}\r\n`])('reads the key of a private file holding %j', (text) => {
    expect(readKeyFile(keyFile(text), undefined, 'linux')).toEqual({ ok: true, key: KEY });
  });

  it.each([0o640, 0o604, 0o644, 0o620])('refuses a file of mode %o, which other users may read or write', (mode) => {
    const path = keyFile(KEY, mode);
    const result = readKeyFile(path, undefined, 'linux');
    expect(result).toEqual({
      ok: false,
      reason: `key file ${path} has mode 0${mode.toString(8)}: group and others must not have access; run "chmod 600 ${path}" (or replace the key if others may have read it)`,
    });
  });

  it.each([
    ['too short', 'a'.repeat(31)],
    ['a space inside', `${KEY} ${KEY}`],
    ['two lines', `${KEY}\n${KEY}\n`],
    ['two trailing newlines', `${KEY}\n\n`],
    ['empty', ''],
  ])('refuses a key that is %s, without quoting it', (_case, text) => {
    const result = readKeyFile(keyFile(text), undefined, 'linux');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('at least 32 characters');
      if (text !== '') expect(result.reason).not.toContain(text.trim().slice(0, 20));
    }
  });

  it('says why a missing file cannot be read', () => {
    const path = join(dir, 'nothing');
    expect(readKeyFile(path, undefined, 'linux')).toEqual({ ok: false, reason: `key file ${path} cannot be read: ENOENT: no such file or directory, stat '${path}'` });
  });

  it('leaves permissions to the user on Windows, which has no such mode bits', () => {
    expect(readKeyFile('k', { mode: () => 0o666, readText: () => KEY }, 'win32')).toEqual({ ok: true, key: KEY });
  });
});
