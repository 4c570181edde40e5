import { extname } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import { describeFileValue } from './describe-file-value';

export type ReadConfigDocumentResult =
  | { readonly ok: true; readonly document: object }
  | { readonly ok: false; readonly error: ConfigError };

type Format = 'json' | 'yaml';

const FORMATS: Readonly<Record<string, Format>> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

/**
 * Reads a config file (format by extension: .json, .yaml, .yml) down to the mapping at its top,
 * without looking at the keys. An empty YAML file is an empty mapping.
 */
export function readConfigDocument(path: string, readFile: (path: string) => string): ReadConfigDocumentResult {
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
  return { ok: true, document };
}

function fail(code: ConfigErrorCode, detail: string): ReadConfigDocumentResult {
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
