import { createHash } from 'node:crypto';
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasFreshHashStamp, sha256File, writeHashStamp } from './sha256-file';
import { makeTempDir } from './testing/temp-dir';

describe('sha256File', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it.each([
    ['empty', Buffer.alloc(0), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', Buffer.from('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %s content', async (_label, content, expected) => {
    const file = join(dir, 'f');
    await writeFile(file, content);
    await expect(sha256File(file)).resolves.toBe(expected);
  });

  it('hashes a file larger than one read chunk', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) & 0xff;
    const file = join(dir, 'big');
    await writeFile(file, content);
    await expect(sha256File(file)).resolves.toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('rejects for a missing file', async () => {
    await expect(sha256File(join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});

describe('hash stamp', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());
  const hash = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

  it('is fresh right after writing, for the same hash only', async () => {
    const file = join(dir, 'model.gguf');
    await writeFile(file, 'abc');
    await writeHashStamp(file, hash);
    await expect(hasFreshHashStamp(file, hash)).resolves.toBe(true);
    await expect(hasFreshHashStamp(file, '0'.repeat(64))).resolves.toBe(false);
  });

  it('goes stale when the mtime or size changes', async () => {
    const file = join(dir, 'model.gguf');
    await writeFile(file, 'abc');
    await writeHashStamp(file, hash);
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    await expect(hasFreshHashStamp(file, hash)).resolves.toBe(false);
    await writeFile(file, 'abcd');
    await writeHashStamp(file, hash);
    await writeFile(file, 'abcde');
    await expect(hasFreshHashStamp(file, hash)).resolves.toBe(false);
  });

  it('is not fresh without a file, without a stamp, or with a garbled stamp', async () => {
    const file = join(dir, 'model.gguf');
    await expect(hasFreshHashStamp(file, hash)).resolves.toBe(false);
    await writeFile(file, 'abc');
    await expect(hasFreshHashStamp(file, hash)).resolves.toBe(false);
    await writeFile(`${file}.sha256`, '{not json');
    await expect(hasFreshHashStamp(file, hash)).resolves.toBe(false);
  });
});
