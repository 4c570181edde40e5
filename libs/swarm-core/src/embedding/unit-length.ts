/**
 * The vector scaled to length 1, as OpenAI returns embeddings: a dot product is then the cosine
 * similarity, which clients rely on. A zero vector has no direction and stays as it is.
 */
export function unitLength(vector: readonly number[]): number[] {
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  if (length === 0 || !Number.isFinite(length)) return [...vector];
  return vector.map((value) => value / length);
}
