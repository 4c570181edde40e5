import { Command, Option } from 'commander';
import { flagHelp, HELP_FOOTER } from './cli-help';
import { subcommandsHelp } from './cli-subcommands';
import type { SettableKey } from './node-config';
import { FIELD_SPECS, flagName, SETTABLE_KEYS } from './settable-fields';

const HELP_WIDTH = 100;

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
  for (const key of SETTABLE_KEYS) addSettingFlags(program, key);
  program.option('--config <file>', 'JSON or YAML config file (.json, .yaml, .yml); flags override it (default: none)');
  program.usage('[options] | <command> [options]');
  program.addHelpText('after', subcommandsHelp());
  program.addHelpText('after', HELP_FOOTER);
  return program;
}

/** A setting's flag, then its `--no-` form and its alias when it has them. */
function addSettingFlags(program: Command, key: SettableKey): void {
  const option = cliOption(key);
  const cli = FIELD_SPECS[key].cli;
  if (option === null || cli === null) return;
  program.addOption(option);
  if (cli.negatable === true) {
    const dot = key.lastIndexOf('.');
    const where = dot < 0 ? 'the config file' : `the ${key.slice(0, dot)}: block`;
    program.option(`--no-${option.name()}`, `turn ${flagName(key)} off (overrides "${key.slice(dot + 1)}: true" in ${where})`);
  }
  if (cli.alias !== undefined) {
    const alias = new Option(cli.alias, `same as ${flagName(key)}`);
    program.addOption(alias);
    // The alias turns the switch on in command-line order with the flag and its `--no-` form.
    program.on(`option:${alias.name()}`, () => program.setOptionValueWithSource(option.attributeName(), true, 'cli'));
  }
}

/** The commander option of a setting (a fresh one: commander options are not shared); null if file-only. */
export function cliOption(key: SettableKey): Option | null {
  const spec = FIELD_SPECS[key];
  if (spec.cli === null) return null;
  const option = new Option(spec.cli.flags, flagHelp(spec.cli, spec.default));
  if (spec.cli.repeatable === true) option.argParser(collect);
  if (spec.cli.env !== undefined) option.env(spec.cli.env);
  return option;
}

function collect(value: string, previous: readonly string[] | undefined): readonly string[] {
  return [...(previous ?? []), value];
}
