import { open, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GgmlType } from '../format/ggml-type';
import { GgufErrorCode } from '../format/gguf-error';
import type { GgufHeader } from '../format/gguf-header';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { makeTempDir } from '../testing/temp-dir';
import { readGgufHeader } from './read-gguf-header';
import { readTensorData } from './read-tensor-data';
import { rewriteGguf } from './rewrite-gguf';
import { writeGguf } from './write-gguf';

const METADATA: GgufMetadataEntry[] = [
  { key: 'general.alignment', value: { type: 'uint32', value: 64 } },
  { key: 'u8', value: { type: 'uint8', value: 255 } },
  { key: 'i8', value: { type: 'int8', value: -128 } },
  { key: 'u16', value: { type: 'uint16', value: 65535 } },
  { key: 'i16', value: { type: 'int16', value: -32768 } },
  { key: 'i32', value: { type: 'int32', value: -2147483648 } },
  { key: 'f32', value: { type: 'float32', value: 0.5 } },
  { key: 'f64', value: { type: 'float64', value: Math.PI } },
  { key: 'u64', value: { type: 'uint64', value: 2n ** 64n - 1n } },
  { key: 'i64', value: { type: 'int64', value: -(2n ** 63n) } },
  { key: 'bool', value: { type: 'bool', value: true } },
  { key: 'string', value: { type: 'string', value: 'héllo ✓' } },
  { key: 'strings', value: { type: 'array', itemType: 'string', items: ['a', '', 'ü'].map((value) => ({ type: 'string', value })) } },
  { key: 'empty', value: { type: 'array', itemType: 'float32', items: [] } },
  {
    key: 'nested',
    value: { type: 'array', itemType: 'array', items: [{ type: 'array', itemType: 'int32', items: [{ type: 'int32', value: 7 }] }] },
  },
];

/** 2×3 F32 (24 bytes, padded to 64) then one 32-weight Q4_1 block (20 bytes). */
const F32_DATA = Buffer.from(new Float32Array([1, 2, 3, 4, 5, 6]).buffer);
const Q4_1_DATA = Buffer.from(Array.from({ length: 20 }, (_unused, i) => i * 7));

async function writeSample(path: string): Promise<void> {
  await writeGguf(path, {
    metadata: METADATA,
    tensors: [
      { name: 'a.weight', dims: [3, 2], type: GgmlType.F32, data: F32_DATA },
      { name: 'b.weight', dims: [32], type: GgmlType.Q4_1, data: Q4_1_DATA },
    ],
  });
}

async function readHeader(path: string): Promise<GgufHeader> {
  const file = await open(path, 'r');
  try {
    return await readGgufHeader(file);
  } finally {
    await file.close();
  }
}

describe('readGgufHeader', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  it('reads back metadata of every type in order, tensor infos and data at the alignment', async () => {
    const path = join(dir, 'm.gguf');
    await writeSample(path);
    const header = await readHeader(path);
    expect(header.version).toBe(3);
    expect(header.metadata).toEqual(METADATA);
    expect(header.alignment).toBe(64);
    expect(header.dataOffset % 64).toBe(0);
    expect(header.tensors).toEqual([
      { name: 'a.weight', dims: [3, 2], type: GgmlType.F32, offset: 0, byteSize: 24 },
      { name: 'b.weight', dims: [32], type: GgmlType.Q4_1, offset: 64, byteSize: 20 },
    ]);
    const file = await open(path, 'r');
    try {
      const [a, b] = header.tensors;
      expect(a && (await readTensorData(file, header, a)).equals(F32_DATA)).toBe(true);
      expect(b && (await readTensorData(file, header, b)).equals(Q4_1_DATA)).toBe(true);
    } finally {
      await file.close();
    }
    // The last tensor is padded too, as llama.cpp writes it.
    expect((await readFile(path)).length).toBe(header.dataOffset + 128);
  });

  it('rewrites a file it does not change byte for byte', async () => {
    const path = join(dir, 'm.gguf');
    await writeSample(path);
    await rewriteGguf(path, join(dir, 'copy.gguf'), {});
    expect((await readFile(join(dir, 'copy.gguf'))).equals(await readFile(path))).toBe(true);
  });

  it('defaults the alignment to 32', async () => {
    const path = join(dir, 'm.gguf');
    await writeGguf(path, { metadata: [], tensors: [{ name: 't', dims: [1], type: GgmlType.F32, data: Buffer.alloc(4) }] });
    const header = await readHeader(path);
    expect(header.alignment).toBe(32);
    expect(header.dataOffset % 32).toBe(0);
  });

  it('names the field a truncated header ends in', async () => {
    const path = join(dir, 'm.gguf');
    await writeSample(path);
    await truncate(path, 60);
    await expect(readHeader(path)).rejects.toMatchObject({
      code: GgufErrorCode.TRUNCATED,
      // 24 bytes of header, 33 of general.alignment, then the u64 length of the next key.
      message: 'truncated GGUF: the file ends at byte 60, inside the length of metadata key 1 (bytes 57..65)',
    });
  });

  it('names the tensor whose data a truncated file lacks', async () => {
    const path = join(dir, 'm.gguf');
    await writeSample(path);
    const header = await readHeader(path);
    await truncate(path, header.dataOffset + 70);
    const file = await open(path, 'r');
    try {
      const b = header.tensors[1];
      await expect(b && readTensorData(file, header, b)).rejects.toMatchObject({
        code: GgufErrorCode.TRUNCATED,
        message: expect.stringContaining('inside the data of tensor b.weight'),
      });
    } finally {
      await file.close();
    }
  });

  it('refuses a file that is not GGUF', async () => {
    const path = join(dir, 'x.gguf');
    await writeFile(path, '<html>not found</html>');
    await expect(readHeader(path)).rejects.toMatchObject({
      code: GgufErrorCode.BAD_MAGIC,
      message: 'not a GGUF file: it starts with "<htm", not "GGUF"',
    });
  });
});
