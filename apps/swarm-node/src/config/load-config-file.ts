import { dirname, extname, isAbsolute, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import { assignField, type SettableDraft, describeFileValue, FIELD_SPECS, SETTABLE_KEYS } from './config-fields';
import type { SettableConfig, SettableKey } from './node-config';

export type LoadConfigFileResult =
  | { readonly ok: true; readonly values: Partial<SettableConfig> }
  | { readonly ok: false; readonly error: ConfigError };

type Format = 'json' | 'yaml';

const FORMATS: Readonly<Record<string, Format>> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

/** "hf:org/repo/file.gguf", "https://…": a URI, not a path (two letters at least, so `C:\` is a path). */
const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * Reads a config file (format by extension: .json, .yaml, .yml) and validates every key. Keys are
 * the flags in camelCase; federation settings sit in a nested `federation:` mapping (weights in
 * `federation.weights`). An unknown key, at any depth, or a wrong type is an error naming the
 * key's full dotted path (`federation.peer`). Values come back flat by that path. A relative
 * `model` path is taken relative to the config file's folder, like paths in most config files.
 * An empty YAML file sets nothing.
 */
export function loadConfigFile(path: string, readFile: (path: string) => string): LoadConfigFileResult {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined) {
    return fail(ConfigErrorCode.FILE_FORMAT, `config file ${path} must end in .json, .yaml or .yml`);
  }

  let text: string;
  try {
    text = readFile(path);
  } catch (error: unknown) {
    return fail(ConfigErrorCode.FILE_UNREADABLE, `cannot read config file ${path}: ${firstLine(error)}`);
  }

  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  if (!parsed.ok) {
    return fail(ConfigErrorCode.FILE_SYNTAX, `config file ${path} is not valid ${format.toUpperCase()}: ${parsed.reason}`);
  }
  const document = parsed.value ?? {};
  if (typeof document !== 'object' || Array.isArray(document)) {
    return fail(
      ConfigErrorCode.FILE_SYNTAX,
      `config file ${path} must hold a mapping of settings, got ${describeFileValue(document)}`,
    );
  }

  const values: SettableDraft = {};
  const problem = readMapping(path, '', document, values);
  if (problem !== null) return { ok: false, error: problem };
  if (typeof values.model === 'string') values.model = modelRelativeTo(path, values.model);
  return { ok: true, values };
}

/**
 * Validates the keys of one mapping of the file into `values`: the top level (prefix '') or a
 * nested block such as `federation.` or `federation.weights.`. Errors name the full dotted path.
 */
function readMapping(
  path: string,
  prefix: string,
  mapping: object,
  values: SettableDraft,
): ConfigError | null {
  for (const [name, value] of Object.entries(mapping)) {
    const key = prefix + name;
    if (name.includes('.')) {
      // `federation.mode: vote` at the top: nesting is spelled with mappings, not dots.
      const nested = isSettableKey(key) || isBlock(key) ? ` (write it nested: ${nestedForm(key)})` : suggestKey(prefix, name);
      return configError(ConfigErrorCode.UNKNOWN_KEY, `config file ${path}: unknown key "${key}"${nested}`);
    }
    if (isSettableKey(key)) {
      const spec = FIELD_SPECS[key];
      const checked = spec.fromFile(value);
      if (checked === undefined) {
        const got = spec.describeBadFileValue?.(value) ?? describeFileValue(value);
        return configError(ConfigErrorCode.INVALID_VALUE, `config file ${path}: "${key}" must be ${spec.expected}, got ${got}`);
      }
      assignField(values, key, checked);
    } else if (isBlock(key)) {
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
      return configError(ConfigErrorCode.UNKNOWN_KEY, `config file ${path}: unknown key "${key}"${suggestKey(prefix, name)}`);
    }
  }
  return null;
}

function fail(code: ConfigErrorCode, detail: string): LoadConfigFileResult {
  return { ok: false, error: configError(code, detail) };
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error: unknown) {
    return { ok: false, reason: firstLine(error) };
  }
}

function parseYaml(text: string): Parsed {
  // parseAllDocuments collects problems instead of logging them (yaml's `parse` may warn on the
  // console), and shows a second document that parseDocument would silently drop. Warnings (e.g. an
  // unknown tag) count as errors: a config file should mean exactly one thing.
  const documents = parseAllDocuments(text, { prettyErrors: false, logLevel: 'silent' });
  if (documents.length > 1) return { ok: false, reason: `holds ${documents.length} documents, expected one` };
  const document = documents[0];
  if (document === undefined) return { ok: true, value: null };
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem !== undefined) return { ok: false, reason: firstLine(problem) };
  return { ok: true, value: document.toJS() as unknown };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function isSettableKey(key: string): key is SettableKey {
  return (SETTABLE_KEYS as readonly string[]).includes(key);
}

/** `federation.weights.peers` → `federation: {weights: {peers: …}}`. */
function nestedForm(key: string): string {
  const parts = key.split('.');
  return parts.reduceRight((inner, part, index) => (index === 0 ? `${part}: ${inner}` : `{${part}: ${inner}}`), '…');
}

/** `federation`, `federation.weights`: a mapping holding settings, not a setting. */
function isBlock(key: string): boolean {
  return SETTABLE_KEYS.some((known) => known.startsWith(`${key}.`));
}

/** The names known directly under `prefix` ('' = top level), in table order: settings and blocks. */
function keysIn(prefix: string): string[] {
  const names = SETTABLE_KEYS.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length).split('.')[0] ?? key);
  return [...new Set(names)];
}

/**
 * "log-level", "log_level", "LogLevel" → ` (did you mean "logLevel"?)`; "federation.peer" →
 * ` (did you mean "federation.peers"?)`; a federation key at the top → its place in the block; else
 * the known keys of that level.
 */
function suggestKey(prefix: string, name: string): string {
  const squash = (text: string): string => text.replace(/[-_]/g, '').toLowerCase();
  const alike = (known: string): boolean =>
    [squash(name), `${squash(name)}s`, squash(name).replace(/s$/, '')].includes(squash(known));
  const sibling = keysIn(prefix).find(alike);
  const elsewhere = SETTABLE_KEYS.find((key) => alike(key.split('.').pop() ?? key));
  const match = sibling !== undefined ? prefix + sibling : elsewhere;
  if (match !== undefined) return ` (did you mean "${match}"?)`;
  return prefix === '' ? ` (known keys: ${keysIn('').join(', ')})` : ` (known keys in ${prefix.slice(0, -1)}: ${keysIn(prefix).join(', ')})`;
}

function modelRelativeTo(configPath: string, model: string): string {
  return URI_SCHEME.test(model) || isAbsolute(model) ? model : join(dirname(configPath), model);
}
