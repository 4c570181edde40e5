import { CommanderError } from 'commander';
import { createCliProgram, cliOption } from './cli-program';
import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import type { CliRaw } from './field-spec';
import type { SettableConfig } from './node-config';
import { assignField, FIELD_SPECS, flagName, SETTABLE_KEYS, type SettableDraft } from './settable-fields';

/** What the command line set: only the flags given, validated. */
export interface CliValues {
  readonly values: Partial<SettableConfig>;
  /** --config, as given. */
  readonly configFile: string | null;
}

export type ParseCliResult =
  | { readonly ok: true; readonly cli: CliValues }
  | { readonly ok: false; readonly error: ConfigError }
  /** --help or --version: print `output` and exit 0. */
  | { readonly ok: 'exit'; readonly output: string };

/**
 * Parses the user's arguments (`process.argv.slice(2)`), validating every value given. Pure: no
 * process exit, no output.
 */
export function parseCli(argv: readonly string[], version: string): ParseCliResult {
  const sink = { text: '' };
  const program = createCliProgram(version, sink);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error: unknown) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return { ok: 'exit', output: sink.text };
    return { ok: false, error: configError(ConfigErrorCode.BAD_COMMAND_LINE, error.message) };
  }

  const options = program.opts<Record<string, CliRaw | undefined>>();
  const values: SettableDraft = {};
  for (const key of SETTABLE_KEYS) {
    const attribute = cliOption(key)?.attributeName();
    // Only what the user typed or set in the environment: `--no-discovery` alone gives `discovery` a default of true.
    const source = attribute === undefined ? undefined : program.getOptionValueSource(attribute);
    if (attribute === undefined || (source !== 'cli' && source !== 'env')) continue;
    const raw = options[attribute];
    if (raw === undefined) continue;
    const spec = FIELD_SPECS[key];
    const value = spec.fromCli(raw);
    if (value === undefined) {
      // A repeatable flag: name the occurrence that is wrong.
      const shown = typeof raw === 'object' ? raw.find((item) => spec.fromCli([item]) === undefined) ?? raw : raw;
      return {
        ok: false,
        error: configError(
          ConfigErrorCode.INVALID_VALUE,
          `${flagName(key)} must be ${spec.expectedCli ?? spec.expected}, got ${JSON.stringify(shown)}`,
        ),
      };
    }
    assignField(values, key, value);
  }

  const configFile = options['config'];
  if (typeof configFile === 'string' && configFile.trim() === '') {
    return { ok: false, error: configError(ConfigErrorCode.INVALID_VALUE, '--config must be a file path, got ""') };
  }
  return {
    ok: true,
    cli: { values, configFile: typeof configFile === 'string' ? configFile : null },
  };
}
