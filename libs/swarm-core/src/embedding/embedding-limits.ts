/** Most inputs one embeddings request may hold (OpenAI's own limit is 2048; a CPU node is slower). */
export const MAX_EMBEDDING_INPUTS = 256;

/**
 * Most characters all inputs of one request may have together: bounds the synchronous
 * tokenization a request can cause before it waits for its turn.
 */
export const MAX_EMBEDDING_CHARACTERS = 1_000_000;
