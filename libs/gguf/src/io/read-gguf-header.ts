import type { FileHandle } from 'node:fs/promises';
import type { GgufHeader } from '../format/gguf-header';
import { ByteCursor, NeedMoreBytes } from './byte-cursor';
import { parseGgufHeader } from './parse-gguf-header';

/** Enough for most models' vocabularies in one read; a larger header doubles it and parses again. */
const FIRST_READ_BYTES = 4 * 1024 * 1024;

/**
 * Reads a GGUF's header (metadata and tensor infos) without reading its tensor data. Parsing is
 * synchronous over a prefix of the file; the rare header larger than the prefix is re-read whole.
 */
export async function readGgufHeader(file: FileHandle): Promise<GgufHeader> {
  const { size: fileSize } = await file.stat();
  for (let length = Math.min(FIRST_READ_BYTES, fileSize); ; length = Math.min(length * 2, fileSize)) {
    const prefix = Buffer.alloc(length);
    const { bytesRead } = await file.read(prefix, 0, length, 0);
    try {
      return parseGgufHeader(new ByteCursor(prefix.subarray(0, bytesRead), fileSize));
    } catch (error) {
      if (!(error instanceof NeedMoreBytes) || length >= fileSize) throw error;
    }
  }
}
