/**
 * A request's seed, made distinct per node: two nodes with the same model would otherwise sample
 * the very same candidates and one answer would count twice. Still reproducible per node.
 */
export function nodeSeed(seed: number, nodeId: string): number {
  let hash = 0;
  for (const char of nodeId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return (seed ^ hash) >>> 0;
}
