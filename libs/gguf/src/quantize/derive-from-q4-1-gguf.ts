import { GgmlType } from '../format/ggml-type';
import type { GgufHeader, GgufTensorInfo } from '../format/gguf-header';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { rewriteGguf } from '../io/rewrite-gguf';
import type { BlockQuantizer } from './block-quantizer';
import type { Q4_1RequantizationFormat } from './q4-1-requantization-format';
import { requantizeQ4_1 } from './requantize-q4-1';

const FILE_TYPE_KEY = 'general.file_type';

/** `general.file_type` set in place, keeping its value type; other entries untouched. */
function withFileType(entries: readonly GgufMetadataEntry[], fileType: number): GgufMetadataEntry[] {
  return entries.map((entry) => {
    if (entry.key !== FILE_TYPE_KEY || entry.value.type === 'array' || typeof entry.value.value !== 'number') return entry;
    return { key: entry.key, value: { type: entry.value.type, value: fileType } };
  });
}

export interface DeriveFromQ4_1Options {
  /** Q4_1 tensors to copy as they are, for a model whose most sensitive tensors keep their offset. */
  readonly keepQ4_1?: (tensor: GgufTensorInfo) => boolean;
}

/**
 * Writes a copy of a GGUF whose Q4_1 tensors are requantised to `format` by `quantize`; every other
 * tensor (and every Q4_1 tensor `keepQ4_1` names) is copied byte for byte, and `general.file_type`
 * becomes the format's. Deterministic: the same input always gives the same bytes.
 */
export function deriveFromQ4_1Gguf(
  inputPath: string,
  outputPath: string,
  format: Q4_1RequantizationFormat,
  quantize: BlockQuantizer,
  options: DeriveFromQ4_1Options = {},
): Promise<GgufHeader> {
  const requantizes = (tensor: GgufTensorInfo): boolean => tensor.type === GgmlType.Q4_1 && options.keepQ4_1?.(tensor) !== true;
  return rewriteGguf(inputPath, outputPath, {
    metadata: (entries) => withFileType(entries, format.fileType),
    tensorType: (tensor) => (requantizes(tensor) ? format.type : tensor.type),
    convert: (_tensor, data) => requantizeQ4_1(data, quantize, format.blockBytes),
  });
}
