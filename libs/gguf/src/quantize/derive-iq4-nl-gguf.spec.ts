import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { GgmlType } from '../format/ggml-type';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { readGgufHeader } from '../io/read-gguf-header';
import { readTensorData } from '../io/read-tensor-data';
import { writeGguf } from '../io/write-gguf';
import { makeTempDir } from '../testing/temp-dir';
import { deriveIq4NlGguf } from './derive-iq4-nl-gguf';
import { quantizeIq4Nl } from './quantize-iq4-nl';
import { requantizeQ4_1 } from './requantize-q4-1';

const METADATA: GgufMetadataEntry[] = [
  { key: 'general.architecture', value: { type: 'string', value: 'llama' } },
  { key: 'general.file_type', value: { type: 'uint32', value: 3 } },
];

/** Q4_1 blocks with finite f16 scales and minimums (bytes 1 and 3 of each block below 0x40). */
const q4_1Blocks = (blocks: number, seed: number): Buffer =>
  Buffer.from(Array.from({ length: blocks * 20 }, (_unused, i) => ((i * 31 + seed) & 0xff) & (i % 20 === 1 || i % 20 === 3 ? 0x3f : 0xff)));

async function deriveAndRead(keep?: RegExp): Promise<{ types: number[][]; data: Buffer[]; fileType: GgufMetadataEntry | undefined }> {
  const { dir, cleanup } = await makeTempDir();
  try {
    const input = join(dir, 'in.gguf');
    await writeGguf(input, {
      metadata: METADATA,
      tensors: [
        { name: 'norm', dims: [4], type: GgmlType.F32, data: Buffer.from(new Float32Array([0.25, -1, 3, 7]).buffer) },
        { name: 'attn_q', dims: [32, 2], type: GgmlType.Q4_1, data: q4_1Blocks(2, 3) },
        { name: 'ffn_down', dims: [64], type: GgmlType.Q4_1, data: q4_1Blocks(2, 7) },
      ],
    });
    const output = join(dir, 'out.gguf');
    await deriveIq4NlGguf(input, output, keep === undefined ? {} : { keepQ4_1: (tensor) => keep.test(tensor.name) });
    const file = await open(output, 'r');
    try {
      const header = await readGgufHeader(file);
      const data = await Promise.all(header.tensors.map((tensor) => readTensorData(file, header, tensor)));
      const types = header.tensors.map((tensor) => [tensor.type, tensor.byteSize]);
      return { types, data, fileType: header.metadata.find((entry) => entry.key === 'general.file_type') };
    } finally {
      await file.close();
    }
  } finally {
    await cleanup();
  }
}

describe('deriveIq4NlGguf', () => {
  it('requantises Q4_1 tensors to IQ4_NL, copies the F32 one byte for byte and marks the file MOSTLY_IQ4_NL (25)', async () => {
    const { types, data, fileType } = await deriveAndRead();
    expect(fileType).toEqual({ key: 'general.file_type', value: { type: 'uint32', value: 25 } });
    expect(types).toEqual([
      [GgmlType.F32, 16],
      [GgmlType.IQ4_NL, 36],
      [GgmlType.IQ4_NL, 36],
    ]);
    expect(data[0]?.equals(Buffer.from(new Float32Array([0.25, -1, 3, 7]).buffer))).toBe(true);
    expect(data[1]?.equals(requantizeQ4_1(q4_1Blocks(2, 3), quantizeIq4Nl, 18))).toBe(true);
  });

  it('copies the Q4_1 tensors it is told to keep unchanged', async () => {
    const { types, data } = await deriveAndRead(/ffn_down/);
    expect(types.map(([type]) => type)).toEqual([GgmlType.F32, GgmlType.IQ4_NL, GgmlType.Q4_1]);
    expect(data[2]?.equals(q4_1Blocks(2, 7))).toBe(true);
  });
});
