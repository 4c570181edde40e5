import { alignmentOf } from '../format/alignment-of';
import { alignUp, type GgufHeader } from '../format/gguf-header';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { tensorByteSize } from '../format/ggml-type';
import { serializeGgufHeader } from './serialize-gguf-header';

export interface TensorPlan {
  readonly name: string;
  readonly dims: readonly number[];
  readonly type: number;
}

export interface GgufLayout {
  readonly header: GgufHeader;
  /** The file's first `header.dataOffset` bytes. */
  readonly headerBytes: Buffer;
}

/**
 * Places each tensor's data at the next multiple of the alignment after the previous one, in the
 * given order, as llama.cpp's writer does; the data section starts aligned after the header.
 */
export function layOutGguf(version: number, metadata: readonly GgufMetadataEntry[], plans: readonly TensorPlan[]): GgufLayout {
  const alignment = alignmentOf(metadata);
  let offset = 0;
  const tensors = plans.map((plan) => {
    const byteSize = tensorByteSize(plan.name, plan.type, plan.dims);
    const tensor = { ...plan, offset, byteSize };
    offset = alignUp(offset + byteSize, alignment);
    return tensor;
  });
  const headerBytes = serializeGgufHeader({ version, metadata, tensors, alignment });
  return { header: { version, metadata, tensors, alignment, dataOffset: headerBytes.length }, headerBytes };
}
