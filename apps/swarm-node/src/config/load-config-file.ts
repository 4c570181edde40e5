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
 * the flags in camelCase; an unknown key or a wrong type is an error naming the key. A relative
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
  for (const [key, value] of Object.entries(document)) {
    if (!isSettableKey(key)) {
      return fail(ConfigErrorCode.UNKNOWN_KEY, `config file ${path}: unknown key "${key}"${suggestKey(key)}`);
    }
    const checked = FIELD_SPECS[key].fromFile(value);
    if (checked === undefined) {
      return fail(
        ConfigErrorCode.INVALID_VALUE,
        `config file ${path}: "${key}" must be ${FIELD_SPECS[key].expected}, got ${describeFileValue(value)}`,
      );
    }
    assignField(values, key, checked);
  }
  if (typeof values.model === 'string') values.model = modelRelativeTo(path, values.model);
  return { ok: true, values };
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

/** "log-level", "log_level", "LogLevel" → ` (did you mean "logLevel"?)`; else the list of keys. */
function suggestKey(key: string): string {
  const squash = (name: string): string => name.replace(/[-_]/g, '').toLowerCase();
  const match = SETTABLE_KEYS.find((known) => squash(known) === squash(key));
  return match !== undefined ? ` (did you mean "${match}"?)` : ` (known keys: ${SETTABLE_KEYS.join(', ')})`;
}

function modelRelativeTo(configPath: string, model: string): string {
  return URI_SCHEME.test(model) || isAbsolute(model) ? model : join(dirname(configPath), model);
}
