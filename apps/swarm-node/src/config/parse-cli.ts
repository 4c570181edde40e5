import { Command, CommanderError } from 'commander';
import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import { assignField, type SettableDraft, FIELD_SPECS, flagName, SETTABLE_KEYS } from './config-fields';
import type { SettableConfig } from './node-config';

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

const HELP_WIDTH = 100;

const HELP_FOOTER = `
Config file (--config swarm.yaml or swarm.json): keys are the flags in camelCase
(auto, model, instances, strategy, host, port, logLevel, contextSize, threads, maxQueue, maxTokensLimit).
Flags override the file; the file overrides the defaults.

Examples:
  local-swarm --auto
  local-swarm --model ./models/model.gguf --instances 5 --strategy weighted_vote
  local-swarm --config swarm.yaml --port 18000 --log-level debug`;

/**
 * The commander program for `local-swarm`. A fresh one per parse (commander keeps state). It never
 * exits the process or writes to stdout/stderr: output is collected into `sink`, errors are thrown
 * as CommanderError (`exitOverride`).
 */
export function createCliProgram(version: string, sink: { text: string }): Command {
  const program = new Command('local-swarm')
    .description('Local Swarm node: several local LLM instances vote behind one OpenAI-compatible API.')
    .version(version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print this help and exit')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        sink.text += text;
      },
      writeErr: (text) => {
        sink.text += text;
      },
      // The message comes back in the thrown CommanderError; the caller prints it.
      outputError: () => undefined,
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
    });
  for (const key of SETTABLE_KEYS) {
    program.option(FIELD_SPECS[key].flags, FIELD_SPECS[key].description);
    if (key === 'auto') program.option('--no-auto', 'turn --auto off (overrides "auto: true" in the config file)');
  }
  program.option('--config <file>', 'JSON or YAML config file (.json, .yaml, .yml); flags override it (default: none)');
  program.addHelpText('after', HELP_FOOTER);
  return program;
}

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

  const options = program.opts<Record<string, string | boolean | undefined>>();
  const values: SettableDraft = {};
  for (const key of SETTABLE_KEYS) {
    const raw = options[key];
    if (raw === undefined) continue;
    const value = FIELD_SPECS[key].fromCli(raw);
    if (value === undefined) {
      return {
        ok: false,
        error: configError(
          ConfigErrorCode.INVALID_VALUE,
          `${flagName(key)} must be ${FIELD_SPECS[key].expected}, got ${JSON.stringify(raw)}`,
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
