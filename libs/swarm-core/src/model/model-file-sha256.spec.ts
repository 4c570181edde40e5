import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_SHA256_CACHE_FILE, modelFileSha256 } from './model-file-sha256';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'model-sha256-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('modelFileSha256', () => {
  it('hashes the file (lower-case hex SHA-256 of its bytes)', async () => {
    const model = join(dir, 'model.gguf');
    writeFileSync(model, 'GGUF weights');
    await expect(modelFileSha256(model, null)).resolves.toBe(sha256('GGUF weights'));
  });

  it('answers from the cache while path, size and mtime are unchanged, and hashes a changed file again', async () => {
    const model = join(dir, 'model.gguf');
    const cacheDir = join(dir, 'cache');
    writeFileSync(model, 'first weights');
    expect(await modelFileSha256(model, cacheDir)).toBe(sha256('first weights'));
    // A cached entry is what is returned: plant a different (valid) hash to see it used.
    const cachePath = join(cacheDir, MODEL_SHA256_CACHE_FILE);
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, string>;
    const [key] = Object.keys(cache);
    writeFileSync(cachePath, JSON.stringify({ [key ?? '']: 'a'.repeat(64) }));
    expect(await modelFileSha256(model, cacheDir)).toBe('a'.repeat(64));

    writeFileSync(model, 'second weights!');
    utimesSync(model, new Date(), new Date(Date.now() + 5000));
    expect(await modelFileSha256(model, cacheDir)).toBe(sha256('second weights!'));
  });

  it('ignores a corrupt cache and entries that are not hashes', async () => {
    const model = join(dir, 'model.gguf');
    const cacheDir = join(dir, 'cache');
    writeFileSync(model, 'weights');
    await modelFileSha256(model, cacheDir);
    const cachePath = join(cacheDir, MODEL_SHA256_CACHE_FILE);
    const [key] = Object.keys(JSON.parse(readFileSync(cachePath, 'utf8')) as Record<string, string>);
    writeFileSync(cachePath, JSON.stringify({ [key ?? '']: 'not a hash' }));
    expect(await modelFileSha256(model, cacheDir)).toBe(sha256('weights'));
    writeFileSync(cachePath, '{ not json');
    expect(await modelFileSha256(model, cacheDir)).toBe(sha256('weights'));
  });

  it('rejects for a missing file', async () => {
    await expect(modelFileSha256(join(dir, 'missing.gguf'), null)).rejects.toThrow(/ENOENT/);
  });
});
