import { FILE_TYPE_MOSTLY_IQ4_NL, FILE_TYPE_MOSTLY_Q4_0, GgmlType } from '../format/ggml-type';
import type { BlockDequantizer } from './block-quantizer';
import { dequantizeIq4NlBlock, IQ4_NL_BLOCK_BYTES } from './iq4-nl-blocks';
import { dequantizeQ4_0Block, Q4_0_BLOCK_BYTES } from './q4-blocks';

/** A 32-weight block type that Q4_1 tensors can be requantised to, and what a file of it is marked. */
export interface Q4_1RequantizationFormat {
  /** The ggml type the requantised tensors get. */
  readonly type: number;
  /** `general.file_type` of a model whose Q4_1 tensors all became this type. */
  readonly fileType: number;
  readonly blockBytes: number;
  readonly dequantize: BlockDequantizer;
}

export const Q4_0_FORMAT: Q4_1RequantizationFormat = {
  type: GgmlType.Q4_0,
  fileType: FILE_TYPE_MOSTLY_Q4_0,
  blockBytes: Q4_0_BLOCK_BYTES,
  dequantize: dequantizeQ4_0Block,
};

export const IQ4_NL_FORMAT: Q4_1RequantizationFormat = {
  type: GgmlType.IQ4_NL,
  fileType: FILE_TYPE_MOSTLY_IQ4_NL,
  blockBytes: IQ4_NL_BLOCK_BYTES,
  dequantize: dequantizeIq4NlBlock,
};
