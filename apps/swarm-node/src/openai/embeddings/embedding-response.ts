import type { EncodingFormat } from './embedding-request.dto';
import { float32Base64 } from './float32-base64';

/** OpenAI's embeddings response. */
export interface EmbeddingResponse {
  readonly object: 'list';
  readonly data: readonly { readonly object: 'embedding'; readonly index: number; readonly embedding: readonly number[] | string }[];
  readonly model: string;
  readonly usage: { readonly prompt_tokens: number; readonly total_tokens: number };
}

export function buildEmbeddingResponse(vectors: readonly (readonly number[])[], format: EncodingFormat, model: string, promptTokens: number): EmbeddingResponse {
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: format === 'base64' ? float32Base64(vector) : vector })),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
