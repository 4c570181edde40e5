import type { FileHandle } from 'node:fs/promises';
import { GgufError, GgufErrorCode } from '../format/gguf-error';
import type { GgufLayout } from './lay-out-gguf';
import type { GgufTensorInfo } from '../format/gguf-header';

/**
 * Writes a laid-out GGUF: the header, then each tensor's data as `dataOf` hands it over (one at a
 * time, so a rewrite holds one tensor in memory), each followed by zeros to the alignment.
 */
export async function writeTensors(
  file: FileHandle,
  layout: GgufLayout,
  dataOf: (tensor: GgufTensorInfo, index: number) => Promise<Uint8Array> | Uint8Array,
): Promise<void> {
  const { header, headerBytes } = layout;
  await file.write(headerBytes, 0, headerBytes.length, 0);
  const padding = Buffer.alloc(header.alignment);
  for (const [index, tensor] of header.tensors.entries()) {
    const data = await dataOf(tensor, index);
    if (data.length !== tensor.byteSize) {
      throw new GgufError(GgufErrorCode.INVALID, `tensor ${tensor.name} has ${data.length} bytes of data; its type and dims need ${tensor.byteSize}`);
    }
    const position = header.dataOffset + tensor.offset;
    await file.write(data, 0, data.length, position);
    const padLength = (header.alignment - (data.length % header.alignment)) % header.alignment;
    await file.write(padding, 0, padLength, position + data.length);
  }
}
