import type { GgufMetadataEntry } from './gguf-value';

export interface GgufTensorInfo {
  readonly name: string;
  /** Innermost (row length) first, as GGUF stores them. */
  readonly dims: readonly number[];
  /** A ggml type code ({@link GgmlType}). */
  readonly type: number;
  /** Where the tensor's data starts, counted from {@link GgufHeader.dataOffset}. */
  readonly offset: number;
  readonly byteSize: number;
}

/** Everything of a GGUF file but its tensor data. */
export interface GgufHeader {
  readonly version: number;
  /** In file order, which a rewrite keeps. */
  readonly metadata: readonly GgufMetadataEntry[];
  readonly tensors: readonly GgufTensorInfo[];
  /** `general.alignment`, or 32 when absent. */
  readonly alignment: number;
  /** File offset of the tensor data section. */
  readonly dataOffset: number;
}

export const GGUF_MAGIC = 'GGUF';
export const GGUF_DEFAULT_ALIGNMENT = 32;
export const ALIGNMENT_KEY = 'general.alignment';

export function alignUp(offset: number, alignment: number): number {
  return Math.ceil(offset / alignment) * alignment;
}
