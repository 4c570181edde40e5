import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyFileErrorCode } from './key-file-error';
import { createPrivateFile, readPrivateFile } from './private-file';
import { useTemporaryDirectory } from './testing/temporary-directory';

describe('private files', () => {
  const temporaryDirectory = useTemporaryDirectory('private-file');

  it('never replaces a file that exists (a concurrent creator won): created is false', () => {
    const path = join(temporaryDirectory(), 'secret');
    writeFileSync(path, 'first', { mode: 0o600 });
    expect(createPrivateFile(path, 'second', 'secret')).toEqual({ ok: true, value: { created: false } });
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(temporaryDirectory())).toEqual(['secret']);
  });

  it('creates with mode 0600 whatever the umask lets through', () => {
    const previous = process.umask(0);
    try {
      const path = join(temporaryDirectory(), 'secret');
      expect(createPrivateFile(path, 'key', 'secret')).toEqual({ ok: true, value: { created: true } });
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readdirSync(temporaryDirectory())).toEqual(['secret']);
    } finally {
      process.umask(previous);
    }
  });

  it('reads a 0600 or 0400 file and says which file is missing', () => {
    const path = join(temporaryDirectory(), 'secret');
    writeFileSync(path, 'key', { mode: 0o400 });
    expect(readPrivateFile(path, 'secret')).toEqual({ ok: true, value: 'key' });
    const missing = readPrivateFile(join(temporaryDirectory(), 'absent'), 'swarm key file');
    expect(missing).toMatchObject({ ok: false, code: KeyFileErrorCode.UNREADABLE });
    expect(!missing.ok && missing.message).toMatch(/^swarm key file .*absent cannot be read: ENOENT: no such file/);
  });

  it.each([0o640, 0o604, 0o620, 0o602, 0o610, 0o660])('refuses mode %o (group or others may read, write or run it), naming the path, the mode and the fix', (mode) => {
    const path = join(temporaryDirectory(), 'secret');
    writeFileSync(path, 'key', { mode: 0o600 });
    chmodSync(path, mode);
    const result = readPrivateFile(path, 'API key file', undefined, 'linux');
    expect(result).toMatchObject({ ok: false, code: KeyFileErrorCode.INSECURE_PERMISSIONS });
    expect(!result.ok && result.message).toBe(
      `API key file ${path} has mode 0${mode.toString(8)}: group and others must not have access; run "chmod 600 ${path}" (or replace the key if others may have read it)`,
    );
  });

  it('reads through the given io, and leaves permissions to the user on Windows, which has no such mode bits', () => {
    const io = { mode: () => 0o100666, readText: () => 'key' };
    expect(readPrivateFile('C:\\keys\\secret', 'secret', io, 'win32')).toEqual({ ok: true, value: 'key' });
    expect(readPrivateFile('/keys/secret', 'secret', io, 'linux')).toMatchObject({ ok: false, code: KeyFileErrorCode.INSECURE_PERMISSIONS });
  });
});
