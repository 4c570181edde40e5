import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Name of the cache file, in the cache directory the caller gives. */
export const MODEL_SHA256_CACHE_FILE = 'model-sha256.json';

/** Remembered hashes, by path, file size and modification time: a changed file is hashed again. */
type HashCache = Record<string, string>;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The SHA-256 of a model file, in lower-case hex. Peers compare it to know whether two nodes run
 * the same weights (a model's name is only a claim). Hashing a GGUF of several GB takes seconds,
 * so the result is cached in `cacheDir` under the file's path, size and mtime: later starts only
 * stat the file. The cache is a convenience: unreadable or unwritable, the file is hashed again.
 */
export async function modelFileSha256(path: string, cacheDir: string | null): Promise<string> {
  const info = await stat(path);
  const key = `${path}\u0000${info.size}\u0000${info.mtimeMs}`;
  const cachePath = cacheDir === null ? null : join(cacheDir, MODEL_SHA256_CACHE_FILE);
  const cache = cachePath === null ? {} : await readCache(cachePath);
  const known = cache[key];
  if (known !== undefined) return known;
  const hash = await hashFile(path);
  if (cacheDir !== null && cachePath !== null) await writeCache(cacheDir, cachePath, { ...cache, [key]: hash });
  return hash;
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function readCache(cachePath: string): Promise<HashCache> {
  try {
    const parsed: unknown = JSON.parse(await readFile(cachePath, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && SHA256_HEX.test(entry[1])));
  } catch {
    return {};
  }
}

async function writeCache(cacheDir: string, cachePath: string, cache: HashCache): Promise<void> {
  try {
    await mkdir(cacheDir, { recursive: true });
    // Written whole then renamed: two nodes starting at once never read half a file.
    const partial = `${cachePath}.${process.pid}.partial`;
    await writeFile(partial, JSON.stringify(cache));
    await rename(partial, cachePath);
  } catch {
    // Only a cache: the next start hashes the file again.
  }
}
