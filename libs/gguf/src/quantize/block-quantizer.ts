/** Quantises 32 weights (`values[0..32)`) into one block of its type at `out[at..]`. */
export type BlockQuantizer = (values: Float32Array, out: Uint8Array, at: number) => void;

/** The 32 weights of the block at `block[at..]` into `out[0..32)`, as llama.cpp computes them. */
export type BlockDequantizer = (block: Uint8Array, at: number, out: Float32Array) => void;
