import { isSettableKey, SETTABLE_KEYS } from './settable-fields';

/** `federation`, `federation.weights`: a mapping holding settings, not a setting. */
export function isBlock(key: string): boolean {
  return SETTABLE_KEYS.some((known) => known.startsWith(`${key}.`));
}

/** The names known directly under `prefix` ('' = top level), in table order: settings and blocks. */
export function keysIn(prefix: string): string[] {
  const names = SETTABLE_KEYS.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length).split('.')[0] ?? key);
  return [...new Set(names)];
}

/**
 * The hint after "unknown key …". A dotted name that is a setting or block: how to nest it.
 * "log-level", "log_level", "LogLevel" → ` (did you mean "logLevel"?)`; "federation.peer" →
 * ` (did you mean "federation.peers"?)`; a federation key at the top → its place in the block; else
 * the known keys of that level.
 */
export function unknownKeyHint(prefix: string, name: string): string {
  const key = prefix + name;
  if (name.includes('.') && (isSettableKey(key) || isBlock(key))) return ` (write it nested: ${nestedForm(key)})`;
  const squash = (text: string): string => text.replace(/[-_]/g, '').toLowerCase();
  const alike = (known: string): boolean =>
    [squash(name), `${squash(name)}s`, squash(name).replace(/s$/, '')].includes(squash(known));
  const sibling = keysIn(prefix).find(alike);
  const elsewhere = SETTABLE_KEYS.find((known) => alike(known.split('.').pop() ?? known));
  const match = sibling !== undefined ? prefix + sibling : elsewhere;
  if (match !== undefined) return ` (did you mean "${match}"?)`;
  return prefix === '' ? ` (known keys: ${keysIn('').join(', ')})` : ` (known keys in ${prefix.slice(0, -1)}: ${keysIn(prefix).join(', ')})`;
}

/** `federation.weights.peers` → `federation: {weights: {peers: …}}`. */
function nestedForm(key: string): string {
  const parts = key.split('.');
  return parts.reduceRight((inner, part, index) => (index === 0 ? `${part}: ${inner}` : `{${part}: ${inner}}`), '…');
}
