import { GgufError, GgufErrorCode } from './gguf-error';

/** ggml tensor type codes (ggml.h `enum ggml_type`) this library names in its own code. */
export const GgmlType = {
  F32: 0,
  F16: 1,
  Q4_0: 2,
  Q4_1: 3,
  Q6_K: 14,
  IQ4_NL: 20,
} as const;

/** `general.file_type` of a model whose weights are mostly Q4_0 (llama.h `LLAMA_FTYPE_MOSTLY_Q4_0`). */
export const FILE_TYPE_MOSTLY_Q4_0 = 2;

/** `general.file_type` of a model whose weights are mostly IQ4_NL (llama.h `LLAMA_FTYPE_MOSTLY_IQ4_NL`). */
export const FILE_TYPE_MOSTLY_IQ4_NL = 25;

interface BlockLayout {
  /** Weights per block. */
  readonly weights: number;
  /** Bytes per block. */
  readonly bytes: number;
}

/**
 * Block layout of every ggml type a GGUF may hold (ggml.c `type_traits`). Only this lets the
 * writer know a tensor's size from its dims; a type missing here is refused, never guessed.
 */
const BLOCK_LAYOUTS: ReadonlyMap<number, BlockLayout> = new Map([
  [0, { weights: 1, bytes: 4 }], // F32
  [1, { weights: 1, bytes: 2 }], // F16
  [2, { weights: 32, bytes: 18 }], // Q4_0
  [3, { weights: 32, bytes: 20 }], // Q4_1
  [6, { weights: 32, bytes: 22 }], // Q5_0
  [7, { weights: 32, bytes: 24 }], // Q5_1
  [8, { weights: 32, bytes: 34 }], // Q8_0
  [9, { weights: 32, bytes: 36 }], // Q8_1
  [10, { weights: 256, bytes: 84 }], // Q2_K
  [11, { weights: 256, bytes: 110 }], // Q3_K
  [12, { weights: 256, bytes: 144 }], // Q4_K
  [13, { weights: 256, bytes: 176 }], // Q5_K
  [14, { weights: 256, bytes: 210 }], // Q6_K
  [15, { weights: 256, bytes: 292 }], // Q8_K
  [16, { weights: 256, bytes: 66 }], // IQ2_XXS
  [17, { weights: 256, bytes: 74 }], // IQ2_XS
  [18, { weights: 256, bytes: 98 }], // IQ3_XXS
  [19, { weights: 256, bytes: 50 }], // IQ1_S
  [20, { weights: 32, bytes: 18 }], // IQ4_NL
  [21, { weights: 256, bytes: 110 }], // IQ3_S
  [22, { weights: 256, bytes: 82 }], // IQ2_S
  [23, { weights: 256, bytes: 136 }], // IQ4_XS
  [24, { weights: 1, bytes: 1 }], // I8
  [25, { weights: 1, bytes: 2 }], // I16
  [26, { weights: 1, bytes: 4 }], // I32
  [27, { weights: 1, bytes: 8 }], // I64
  [28, { weights: 1, bytes: 8 }], // F64
  [29, { weights: 256, bytes: 56 }], // IQ1_M
  [30, { weights: 1, bytes: 2 }], // BF16
  [34, { weights: 256, bytes: 54 }], // TQ1_0
  [35, { weights: 256, bytes: 66 }], // TQ2_0
  [39, { weights: 32, bytes: 17 }], // MXFP4
]);

/** Bytes of a tensor's data: its rows are whole blocks of its type along the first dimension. */
export function tensorByteSize(tensorName: string, type: number, dims: readonly number[]): number {
  const layout = BLOCK_LAYOUTS.get(type);
  if (layout === undefined) {
    throw new GgufError(GgufErrorCode.UNSUPPORTED, `tensor ${tensorName} has ggml type ${type}, whose block size is unknown here`);
  }
  const [rowLength = 1, ...rest] = dims;
  if (rowLength % layout.weights !== 0) {
    throw new GgufError(
      GgufErrorCode.INVALID,
      `tensor ${tensorName}: a row of ${rowLength} weights is not a whole number of ${layout.weights}-weight blocks of type ${type}`,
    );
  }
  const rows = rest.reduce((product, dim) => product * dim, 1);
  return (rowLength / layout.weights) * layout.bytes * rows;
}
