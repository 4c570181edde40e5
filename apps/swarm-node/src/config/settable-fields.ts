import { flagOf, type FieldSpec } from './field-spec';
import { flattenFields } from './field-tree';
import type { SettableConfig, SettableKey } from './node-config';
import { NODE_FIELDS } from './node-fields';

/** Every setting's spec by its flat key (`federation.mode`), in table order. */
export const FIELD_SPECS = flattenFields(NODE_FIELDS);

export const SETTABLE_KEYS = Object.keys(FIELD_SPECS) as SettableKey[];

export function isSettableKey(key: string): key is SettableKey {
  return (SETTABLE_KEYS as readonly string[]).includes(key);
}

/** `--max-tokens-limit` for `maxTokensLimit`: the flag without its argument; the key itself if it has no flag. */
export function flagName(key: SettableKey): string {
  const spec: FieldSpec<unknown> = FIELD_SPECS[key];
  return spec.cli === null ? key : flagOf(spec.cli);
}

/** A partial config being filled in by a parser. */
export type SettableDraft = { -readonly [K in SettableKey]?: SettableConfig[K] };

/** Sets one field of a draft (keeps the key/value pairing typed without casts). */
export function assignField<K extends SettableKey>(target: SettableDraft, key: K, value: SettableConfig[K]): void {
  target[key] = value;
}
