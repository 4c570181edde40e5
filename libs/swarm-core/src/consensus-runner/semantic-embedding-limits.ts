/**
 * What embedding the candidates of one vote may cost, whatever they hold (a LAN peer may send up
 * to 1 MiB per candidate):
 * - `maxTexts`: distinct texts embedded per vote (as many as decide() examines whole, 64); texts
 *   beyond it get no vector and so are never merged by meaning;
 * - `maxChars`: each text is cut to its first characters before embedding: the layer is meant for
 *   short answers ("Paris" / "It is Paris."), and 1,000 characters stay well inside the smallest
 *   context a node runs (256 tokens hold about 1,000 characters of English);
 * - `timeoutMs`: how long a vote waits for the embedding model, which `/v1/embeddings` clients
 *   share; past it the vote goes on without the layer.
 */
export const SEMANTIC_EMBEDDING_LIMITS = {
  maxTexts: 64,
  maxChars: 1000,
  timeoutMs: 5000,
} as const;
