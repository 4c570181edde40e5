/**
 * True when a JSON value nests objects/arrays deeper than `maxDepth` (a scalar is depth 0, `{}` is
 * 1). Stops descending past the limit, so it is cheap on hostile input and ends on a cyclic object.
 */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (maxDepth <= 0) return true;
  const children: readonly unknown[] = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => exceedsDepth(child, maxDepth - 1));
}
