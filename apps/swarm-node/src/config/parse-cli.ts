import { Command, CommanderError, Option } from 'commander';
import { configError, ConfigErrorCode, type ConfigError } from './config-error';
import { assignField, type CliRaw, type SettableDraft, FIELD_SPECS, flagName, SETTABLE_KEYS } from './config-fields';
import {
  DEFAULT_HEALTH_INTERVAL_MS,
  DEFAULT_PEER_TTL_MS,
  DEFAULT_PORT,
  DEFAULT_UNHEALTHY_AFTER_FAILURES,
  DEFAULT_VOTE_TIMEOUT_MS,
  type SettableConfig,
  type SettableKey,
} from './node-config';

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

const TOP_LEVEL_KEYS = SETTABLE_KEYS.filter((key) => !key.includes('.'));

/** One line of the federation block in --help: the YAML, then its comment in a column. */
function blockLine(yaml: string, comment: string): string {
  return `${yaml.padEnd(34)}# ${comment}`.trimEnd();
}

const FEDERATION_BLOCK = [
  '  federation:',
  blockLine('    enabled: false', '--federation'),
  blockLine('    peers: []', '--peer host:port ...; flags replace this list'),
  blockLine('    discovery: true', '--no-discovery'),
  blockLine('    mode: vote', '--mode vote|balance'),
  blockLine('    strategy: null', 'file only: strategy for federated requests (null: --strategy)'),
  blockLine(`    voteTimeoutMs: ${DEFAULT_VOTE_TIMEOUT_MS}`, '--vote-timeout-ms'),
  blockLine(`    healthIntervalMs: ${DEFAULT_HEALTH_INTERVAL_MS}`, 'file only'),
  blockLine(`    unhealthyAfterFailures: ${DEFAULT_UNHEALTHY_AFTER_FAILURES}`, 'file only'),
  blockLine(`    peerTtlMs: ${DEFAULT_PEER_TTL_MS}`, 'file only'),
  blockLine('    weights:', 'file only: weighted_vote weight per node id / model id'),
  blockLine('      peers: {}', '  e.g. {node-b: 2}'),
  blockLine('      models: {}', '  e.g. {qwen2.5-7b: 1.5}'),
].join('\n');

const HELP_FOOTER = `
Config file (--config swarm.yaml or swarm.json): keys are the flags in camelCase
(${TOP_LEVEL_KEYS.join(', ')}),
plus a federation: block (shown with its defaults; some settings exist only there):
${FEDERATION_BLOCK}
Flags override the file; the file overrides the defaults.

Examples:
  local-swarm --auto
  local-swarm --model ./models/model.gguf --instances 5 --strategy weighted_vote
  local-swarm --config swarm.yaml --port 18000 --log-level debug
  local-swarm --auto --federation --peer 192.168.1.20:${DEFAULT_PORT} --no-discovery --mode vote`;

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
    const option = cliOption(key);
    if (option === null) continue;
    program.addOption(option);
    if (key === 'auto') program.option('--no-auto', 'turn --auto off (overrides "auto: true" in the config file)');
    if (key === 'federation.enabled') {
      program.option('--no-federation', 'turn --federation off (overrides "enabled: true" in the federation: block)');
      // An alias sets the same value, in command-line order with --federation/--no-federation.
      program.option('--enable-federation', 'same as --federation');
      program.on('option:enable-federation', () => program.setOptionValueWithSource(option.attributeName(), true, 'cli'));
    }
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

  const options = program.opts<Record<string, CliRaw | undefined>>();
  const values: SettableDraft = {};
  for (const key of SETTABLE_KEYS) {
    const attribute = cliOption(key)?.attributeName();
    // Only what the user typed: `--no-discovery` alone gives `discovery` a default of true.
    if (attribute === undefined || program.getOptionValueSource(attribute) !== 'cli') continue;
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

/** The commander option of a setting (a fresh one: commander options are not shared); null if file-only. */
function cliOption(key: SettableKey): Option | null {
  const spec = FIELD_SPECS[key];
  if (spec.flags === null) return null;
  const option = new Option(spec.flags, spec.description);
  // Repeatable (`--peer a --peer b`): collect every occurrence, in order.
  if (key === 'federation.peers') option.argParser(collect);
  return option;
}

function collect(value: string, previous: readonly string[] | undefined): readonly string[] {
  return [...(previous ?? []), value];
}
