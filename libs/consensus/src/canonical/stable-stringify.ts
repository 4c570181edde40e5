/**
 * JSON.stringify with object keys sorted at every depth, so `{"b":1,"a":2}` and `{"a":2,"b":1}`
 * give the same string. Array order is kept: it is meaningful in JSON.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  // Code-unit order, not localeCompare: the key must not depend on the machine's locale.
  for (const key of Object.keys(record).sort()) sorted[key] = sortKeys(record[key]);
  return sorted;
}
