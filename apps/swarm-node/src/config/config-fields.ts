import { isIP } from 'node:net';
import {
  CONFIG_LIMITS,
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_INSTANCES,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_TOKENS_LIMIT,
  DEFAULT_PORT,
  LOG_LEVELS,
  STRATEGY_NAMES,
  type SettableConfig,
  type SettableKey,
} from './node-config';

/**
 * One settable field: its flag, its config file key (the key of this table) and how a value is
 * checked. CLI values arrive as strings (booleans for switches), file values as parsed JSON/YAML;
 * both go through the same bounds so a flag and a key can never disagree. `undefined` = invalid.
 */
export interface FieldSpec<T> {
  /** Commander flag definition, e.g. `--instances <N>`. */
  readonly flags: string;
  /** Help text; states the default. */
  readonly description: string;
  /** What a valid value is, for error messages: "an integer between 1 and 32". */
  readonly expected: string;
  fromCli(raw: string | boolean): T | undefined;
  fromFile(value: unknown): T | undefined;
}

export type FieldSpecs = { readonly [K in SettableKey]: FieldSpec<SettableConfig[K]> };

const DIGITS = /^[0-9]+$/;

function integerField(
  flags: string,
  description: string,
  limits: { readonly min: number; readonly max: number },
): FieldSpec<number> {
  const inRange = (n: number): number | undefined =>
    Number.isSafeInteger(n) && n >= limits.min && n <= limits.max ? n : undefined;
  return {
    flags,
    description,
    expected: `an integer between ${limits.min} and ${limits.max}`,
    // Plain decimal digits only: "1e3", "0x10", "+5", "3.0" and "" are rejected, not coerced.
    fromCli: (raw) => (typeof raw === 'string' && DIGITS.test(raw) ? inRange(Number(raw)) : undefined),
    fromFile: (value) => (typeof value === 'number' ? inRange(value) : undefined),
  };
}

/** A field whose default is "decide later": `null` in a file means the same as leaving it out. */
function nullable<T>(spec: FieldSpec<T>): FieldSpec<T | null> {
  return { ...spec, fromFile: (value) => (value === null ? null : spec.fromFile(value)) };
}

function choiceField<T extends string>(flags: string, description: string, choices: readonly T[]): FieldSpec<T> {
  const pick = (value: unknown): T | undefined => choices.find((choice) => choice === value);
  return { flags, description, expected: `one of ${choices.join(', ')}`, fromCli: pick, fromFile: pick };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function ipAddress(value: unknown): string | undefined {
  const text = nonEmptyString(value);
  return text !== undefined && isIP(text) !== 0 ? text : undefined;
}

export const FIELD_SPECS: FieldSpecs = {
  auto: {
    flags: '--auto',
    description: 'size instances and context from the hardware (default: off)',
    expected: 'true or false',
    fromCli: (raw) => (typeof raw === 'boolean' ? raw : undefined),
    fromFile: (value) => (typeof value === 'boolean' ? value : undefined),
  },
  model: nullable({
    flags: '--model <path|hf:uri>',
    description: 'GGUF model file or hf: URI (default: chosen at startup)',
    expected: 'a non-empty string',
    fromCli: nonEmptyString,
    fromFile: nonEmptyString,
  }),
  instances: nullable(
    integerField(
      '--instances <N>',
      `model instances on this node (default: from --auto, else ${DEFAULT_INSTANCES})`,
      CONFIG_LIMITS.instances,
    ),
  ),
  strategy: choiceField('--strategy <name>', `consensus strategy: ${STRATEGY_NAMES.join(', ')} (default: majority)`, STRATEGY_NAMES),
  host: nullable({
    flags: '--host <ip>',
    description: 'IP address to listen on; 0.0.0.0 only if you mean it (default: first private/CGNAT address, else 127.0.0.1)',
    expected: 'an IP address',
    fromCli: ipAddress,
    fromFile: ipAddress,
  }),
  port: integerField('--port <n>', `API port, 0 for any free port (default: ${DEFAULT_PORT})`, CONFIG_LIMITS.port),
  logLevel: choiceField('--log-level <level>', `${LOG_LEVELS.join(', ')} (default: info)`, LOG_LEVELS),
  contextSize: integerField(
    '--context-size <n>',
    `context tokens per sequence (default: ${DEFAULT_CONTEXT_SIZE})`,
    CONFIG_LIMITS.contextSize,
  ),
  threads: nullable(integerField('--threads <n>', 'CPU threads for inference (default: engine decides)', CONFIG_LIMITS.threads)),
  maxQueue: integerField(
    '--max-queue <n>',
    `requests that may wait beyond capacity before 429 (default: ${DEFAULT_MAX_QUEUE})`,
    CONFIG_LIMITS.maxQueue,
  ),
  maxTokensLimit: integerField(
    '--max-tokens-limit <n>',
    `largest max_tokens a request may ask, at most --context-size (default: ${DEFAULT_MAX_TOKENS_LIMIT})`,
    CONFIG_LIMITS.maxTokensLimit,
  ),
};

export const SETTABLE_KEYS = Object.keys(FIELD_SPECS) as SettableKey[];

/** `--max-tokens-limit` for `maxTokensLimit`: the flag name without its argument. */
export function flagName(key: SettableKey): string {
  return FIELD_SPECS[key].flags.split(' ')[0] ?? key;
}

/** How a config file value is shown in an error: its type, then the value when short. */
export function describeFileValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'a mapping';
    default:
      return `a ${typeof value}`;
  }
}

/** A partial config being filled in by a parser. */
export type SettableDraft = { -readonly [K in SettableKey]?: SettableConfig[K] };

/** Sets one field of a draft (keeps the key/value pairing typed without casts). */
export function assignField<K extends SettableKey>(target: SettableDraft, key: K, value: SettableConfig[K]): void {
  target[key] = value;
}
