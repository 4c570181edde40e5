import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyFileErrorCode } from './key-file-error';
import { createPrivateFile, readPrivateFile } from './private-file';

describe('private files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'private-file-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('never replaces a file that exists (a concurrent creator won): created is false', () => {
    const path = join(root, 'secret');
    writeFileSync(path, 'first', { mode: 0o600 });
    expect(createPrivateFile(path, 'second', 'secret')).toEqual({ ok: true, value: { created: false } });
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(root)).toEqual(['secret']);
  });

  it('creates with mode 0600 whatever the umask lets through', () => {
    const previous = process.umask(0);
    try {
      const path = join(root, 'secret');
      expect(createPrivateFile(path, 'key', 'secret')).toEqual({ ok: true, value: { created: true } });
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readdirSync(root)).toEqual(['secret']);
    } finally {
      process.umask(previous);
    }
  });

  it('reads a 0600 or 0400 file and says which file is missing', () => {
    const path = join(root, 'secret');
    writeFileSync(path, 'key', { mode: 0o400 });
    expect(readPrivateFile(path, 'secret')).toEqual({ ok: true, value: 'key' });
    const missing = readPrivateFile(join(root, 'absent'), 'swarm key file');
    expect(missing).toMatchObject({ ok: false, code: KeyFileErrorCode.UNREADABLE });
    expect(!missing.ok && missing.message).toMatch(/^swarm key file .*absent cannot be read: ENOENT: no such file/);
  });
});
