import type { Prompt } from '../generation/generation-request';
import type { ToolRequest } from '../generation/tool-request';
import type { CandidateSampling, RawCandidate } from './llama-engine';
import type { Token } from './llama-types';
import type { TokenVocabulary } from './token-vocabulary';

/** One candidate to generate: the sequence it runs on and how it samples. */
export interface BatchJob<S> {
  readonly sequence: S;
  readonly sampling: CandidateSampling;
}

/**
 * What `Swarm` needs of an engine: `LlamaEngine` in production, a fake in unit specs (which
 * cannot load node-llama-cpp). `S` is the engine's sequence type.
 */
export interface SwarmEngine<S> {
  readonly sequences: readonly S[];
  /** Tokens of one sequence's context. */
  readonly contextSize: number;
  readonly modelBytes: number;
  readonly chatTemplateName: string;
  /**
   * Most characters of text one token can stand for (the longest entry of the vocabulary), so a
   * prompt of more than `contextSize` times this many characters cannot fit, untokenized.
   */
  readonly longestTokenChars: number;
  /** The token ids the model knows, and which of them end generation. */
  readonly vocabulary: TokenVocabulary;
  /** Formats (with the tools the model may call) and tokenizes a prompt: costly (synchronous, linear in the prompt). */
  tokenize(prompt: Prompt, tools?: ToolRequest): Token[];
  /** One promise per job, settled as that candidate finishes; never rejects. */
  generateBatch(jobs: readonly BatchJob<S>[], promptTokens: readonly Token[], signal: AbortSignal): Promise<RawCandidate>[];
  /** Stops running generations, waits for them, then frees the model. Never rejects for them. */
  dispose(): Promise<void>;
}
