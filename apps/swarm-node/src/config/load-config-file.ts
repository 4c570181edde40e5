import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import { isBlock, keysIn, unknownKeyHint } from './config-key-hints';
import { describeFileValue } from './describe-file-value';
import type { SettableConfig } from './node-config';
import { readConfigDocument } from './read-config-document';
import { assignField, FIELD_SPECS, isSettableKey, type SettableDraft } from './settable-fields';

export type LoadConfigFileResult =
  | { readonly ok: true; readonly values: Partial<SettableConfig> }
  | { readonly ok: false; readonly error: ConfigError };

/**
 * Reads a config file (format by extension: .json, .yaml, .yml) and validates every key. Keys are
 * the flags in camelCase; federation settings sit in a nested `federation:` mapping (weights in
 * `federation.weights`). An unknown key, at any depth, or a wrong type is an error naming the
 * key's full dotted path (`federation.peer`). Values come back flat by that path. A relative
 * `model` path is taken relative to the config file's folder, like paths in most config files.
 * An empty YAML file sets nothing.
 */
export function loadConfigFile(path: string, readFile: (path: string) => string): LoadConfigFileResult {
  const read = readConfigDocument(path, readFile);
  if (!read.ok) return read;
  const values: SettableDraft = {};
  const problem = readMapping(path, '', read.document, values);
  return problem === null ? { ok: true, values } : { ok: false, error: problem };
}

/**
 * Validates the keys of one mapping of the file into `values`: the top level (prefix '') or a
 * nested block such as `federation.` or `federation.weights.`. Errors name the full dotted path.
 */
function readMapping(path: string, prefix: string, mapping: object, values: SettableDraft): ConfigError | null {
  for (const [name, value] of Object.entries(mapping)) {
    const key = prefix + name;
    // `federation.mode: vote` at the top is unknown: nesting is spelled with mappings, not dots.
    if (isSettableKey(key) && !name.includes('.')) {
      const spec = FIELD_SPECS[key];
      const checked = spec.fromFile(value, path);
      if (checked === undefined) {
        const got = spec.describeBadFileValue?.(value) ?? describeFileValue(value);
        return configError(ConfigErrorCode.INVALID_VALUE, `config file ${path}: "${key}" must be ${spec.expected}, got ${got}`);
      }
      assignField(values, key, checked);
    } else if (isBlock(key) && !name.includes('.')) {
      // `federation:` with nothing under it (YAML null) sets nothing, like an absent block.
      if (value === null) continue;
      if (typeof value !== 'object' || Array.isArray(value)) {
        return configError(
          ConfigErrorCode.INVALID_VALUE,
          `config file ${path}: "${key}" must be a mapping (${keysIn(`${key}.`).join(', ')}), got ${describeFileValue(value)}`,
        );
      }
      const problem = readMapping(path, `${key}.`, value, values);
      if (problem !== null) return problem;
    } else {
      return configError(ConfigErrorCode.UNKNOWN_KEY, `config file ${path}: unknown key "${key}"${unknownKeyHint(prefix, name)}`);
    }
  }
  return null;
}
