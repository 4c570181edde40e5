import { open } from 'node:fs/promises';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { layOutGguf, type TensorPlan } from './lay-out-gguf';
import { writeTensors } from './write-tensors';

export interface GgufTensorToWrite extends TensorPlan {
  readonly data: Uint8Array;
}

export interface GgufToWrite {
  /** Default 3. */
  readonly version?: number;
  readonly metadata: readonly GgufMetadataEntry[];
  readonly tensors: readonly GgufTensorToWrite[];
}

/** Writes a whole GGUF whose tensors are already in memory (small files, tests). */
export async function writeGguf(path: string, gguf: GgufToWrite): Promise<void> {
  const layout = layOutGguf(gguf.version ?? 3, gguf.metadata, gguf.tensors);
  const file = await open(path, 'w');
  try {
    await writeTensors(file, layout, (_tensor, index) => gguf.tensors[index]?.data ?? new Uint8Array(0));
  } finally {
    await file.close();
  }
}
