import { GgufError, GgufErrorCode } from './gguf-error';
import { ALIGNMENT_KEY, GGUF_DEFAULT_ALIGNMENT } from './gguf-header';
import type { GgufMetadataEntry } from './gguf-value';

/** `general.alignment`, or the GGUF default of 32 when the metadata does not set it. */
export function alignmentOf(metadata: readonly GgufMetadataEntry[]): number {
  const value = metadata.find((entry) => entry.key === ALIGNMENT_KEY)?.value;
  if (value === undefined) return GGUF_DEFAULT_ALIGNMENT;
  if (value.type !== 'uint32' || value.value === 0) throw new GgufError(GgufErrorCode.INVALID, `${ALIGNMENT_KEY} must be a non-zero uint32`);
  return value.value;
}
