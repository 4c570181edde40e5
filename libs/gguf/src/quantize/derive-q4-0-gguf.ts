import { FILE_TYPE_MOSTLY_Q4_0, GgmlType } from '../format/ggml-type';
import type { GgufHeader } from '../format/gguf-header';
import type { GgufMetadataEntry } from '../format/gguf-value';
import { rewriteGguf } from '../io/rewrite-gguf';
import type { Q4_0BlockQuantizer } from './q4-0-block-quantizer';
import { quantizeQ4_0ByScaleSearch } from './quantize-q4-0-by-scale-search';
import { requantizeQ4_1ToQ4_0 } from './requantize-q4-1-to-q4-0';

const FILE_TYPE_KEY = 'general.file_type';

/** `general.file_type` set to MOSTLY_Q4_0 in place, keeping its value type; other entries untouched. */
function markMostlyQ4_0(entries: readonly GgufMetadataEntry[]): GgufMetadataEntry[] {
  return entries.map((entry) => {
    if (entry.key !== FILE_TYPE_KEY || entry.value.type === 'array' || typeof entry.value.value !== 'number') return entry;
    return { key: entry.key, value: { type: entry.value.type, value: FILE_TYPE_MOSTLY_Q4_0 } };
  });
}

/**
 * Writes a copy of a GGUF whose Q4_1 tensors are requantised to Q4_0 (llama.cpp has repacked
 * AVX2 kernels for Q4_0, not for Q4_1); every other tensor is copied byte for byte. Deterministic:
 * the same input always gives the same bytes.
 */
export function deriveQ4_0Gguf(inputPath: string, outputPath: string, quantize: Q4_0BlockQuantizer = quantizeQ4_0ByScaleSearch): Promise<GgufHeader> {
  return rewriteGguf(inputPath, outputPath, {
    metadata: markMostlyQ4_0,
    tensorType: (tensor) => (tensor.type === GgmlType.Q4_1 ? GgmlType.Q4_0 : tensor.type),
    convert: (_tensor, data) => requantizeQ4_1ToQ4_0(data, quantize),
  });
}
