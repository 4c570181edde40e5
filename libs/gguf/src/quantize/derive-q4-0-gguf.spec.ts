import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GgmlType } from '../format/ggml-type';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { readGgufHeader } from '../io/read-gguf-header';
import { readTensorData } from '../io/read-tensor-data';
import { writeGguf } from '../io/write-gguf';
import { makeTempDir } from '../testing/temp-dir';
import { deriveQ4_0Gguf } from './derive-q4-0-gguf';
import { requantizeQ4_1ToQ4_0 } from './requantize-q4-1-to-q4-0';

const METADATA: GgufMetadataEntry[] = [
  { key: 'general.architecture', value: { type: 'string', value: 'llama' } },
  { key: 'general.file_type', value: { type: 'uint32', value: 3 } },
  { key: 'general.quantization_version', value: { type: 'uint32', value: 2 } },
];

const bytes = (length: number, seed: number): Buffer => Buffer.from(Array.from({ length }, (_unused, i) => (i * 31 + seed) & 0xff));

describe('deriveQ4_0Gguf', () => {
  it('requantises Q4_1 tensors, copies F32 and Q6_K ones byte for byte and marks the file MOSTLY_Q4_0', async () => {
    const { dir, cleanup } = await makeTempDir();
    try {
      // f16 scales kept finite: byte 1 and 3 of each 20-byte block below 0x7c.
      const q4_1 = bytes(2 * 20, 3).map((byte, i) => (i % 20 === 1 || i % 20 === 3 ? byte & 0x3f : byte));
      const norm = Buffer.from(new Float32Array([0.25, -1, 3, 7]).buffer);
      const q6_k = bytes(210, 9);
      const input = join(dir, 'in.gguf');
      await writeGguf(input, {
        metadata: METADATA,
        tensors: [
          { name: 'norm', dims: [4], type: GgmlType.F32, data: norm },
          { name: 'attn', dims: [32, 2], type: GgmlType.Q4_1, data: q4_1 },
          { name: 'emb', dims: [256], type: GgmlType.Q6_K, data: q6_k },
        ],
      });
      const output = join(dir, 'out.gguf');
      await deriveQ4_0Gguf(input, output);
      const file = await open(output, 'r');
      try {
        const header = await readGgufHeader(file);
        expect(header.metadata).toEqual([METADATA[0], { key: 'general.file_type', value: { type: 'uint32', value: 2 } }, METADATA[2]]);
        expect(header.tensors.map((tensor) => [tensor.name, tensor.type, tensor.byteSize])).toEqual([
          ['norm', GgmlType.F32, 16],
          ['attn', GgmlType.Q4_0, 36],
          ['emb', GgmlType.Q6_K, 210],
        ]);
        const data = await Promise.all(header.tensors.map((tensor) => readTensorData(file, header, tensor)));
        expect(data[0]?.equals(norm)).toBe(true);
        expect(data[1]?.equals(requantizeQ4_1ToQ4_0(q4_1))).toBe(true);
        expect(data[2]?.equals(q6_k)).toBe(true);
      } finally {
        await file.close();
      }
      await deriveQ4_0Gguf(input, join(dir, 'again.gguf'));
      expect((await readFile(join(dir, 'again.gguf'))).equals(await readFile(output))).toBe(true);
    } finally {
      await cleanup();
    }
  });
});
