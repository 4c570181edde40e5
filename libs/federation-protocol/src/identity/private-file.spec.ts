import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
});
