/**
 * A metadata value with its exact GGUF type, so that a value read and written back keeps its bytes
 * (a `uint32` stays 4 bytes, never becomes the `float64` a plain number would suggest).
 */
export type GgufNumberType = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';
export type GgufBigIntType = 'uint64' | 'int64';
export type GgufValueType = GgufNumberType | GgufBigIntType | 'bool' | 'string' | 'array';

export type GgufValue =
  | { readonly type: GgufNumberType; readonly value: number }
  | { readonly type: GgufBigIntType; readonly value: bigint }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'string'; readonly value: string }
  /** `itemType` is kept apart from the items so that an empty array still writes its type. */
  | { readonly type: 'array'; readonly itemType: GgufValueType; readonly items: readonly GgufValue[] };

/** The type codes of the GGUF specification, in its order. */
export const GGUF_VALUE_TYPE_CODES: readonly GgufValueType[] = [
  'uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'bool', 'string', 'array', 'uint64', 'int64', 'float64',
];

export interface GgufMetadataEntry {
  readonly key: string;
  readonly value: GgufValue;
}
