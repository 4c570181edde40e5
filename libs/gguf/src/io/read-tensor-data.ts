import type { FileHandle } from 'node:fs/promises';
import { GgufError, GgufErrorCode } from '../format/gguf-error';
import type { GgufHeader, GgufTensorInfo } from '../format/gguf-header';

/** One tensor's data, whole: the caller holds one tensor at a time, never the file. */
export async function readTensorData(file: FileHandle, header: GgufHeader, tensor: GgufTensorInfo): Promise<Buffer> {
  const data = Buffer.alloc(tensor.byteSize);
  const start = header.dataOffset + tensor.offset;
  let filled = 0;
  while (filled < data.length) {
    const { bytesRead } = await file.read(data, filled, data.length - filled, start + filled);
    if (bytesRead === 0) {
      throw new GgufError(
        GgufErrorCode.TRUNCATED,
        `truncated GGUF: the file ends at byte ${start + filled}, inside the data of tensor ${tensor.name} (bytes ${start}..${start + data.length})`,
      );
    }
    filled += bytesRead;
  }
  return data;
}
