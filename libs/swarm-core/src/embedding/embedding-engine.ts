/**
 * What `EmbeddingService` needs of a model: `LlamaEmbeddingEngine` in production, a fake in unit
 * specs (which cannot load node-llama-cpp).
 */
export interface EmbeddingEngine {
  /** Length of every vector the model computes (its hidden size). */
  readonly dimensions: number;
  /** Tokens one input may have, the markers the model adds included. */
  readonly contextSize: number;
  /** Most characters one token can stand for, to refuse a far too long input without tokenizing it. */
  readonly longestTokenChars: number;
  /** Tokens the model reads for `text`, its beginning and end markers included: synchronous, linear in the text. */
  countTokens(text: string): number;
  /** The model's vector for `text` as it computes it (not normalised); one at a time. */
  embed(text: string): Promise<readonly number[]>;
  /** Frees what the engine loaded (its context; its model too when it loaded one of its own). */
  dispose(): Promise<void>;
}
