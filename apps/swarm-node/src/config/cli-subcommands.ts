import { runDoctorCommand } from '../doctor/run-doctor-command';
import { runKeyCommand } from '../pairing/run-key-command';
import { runPeersCommand } from '../pairing/run-peers-command';

/** Output of a subcommand: what it prints, and where. */
export interface SubcommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** A `local-swarm <name> ...` command that does one job and exits, instead of starting the node. */
export interface CliSubcommand {
  readonly name: string;
  /** One line for `local-swarm --help`. */
  readonly summary: string;
  /** Runs with the arguments after the name; resolves to the exit code. */
  readonly run: (argv: readonly string[], io: SubcommandIo) => Promise<number>;
}

export const CLI_SUBCOMMANDS: readonly CliSubcommand[] = [
  {
    name: 'doctor',
    summary: 'check why this machine does not pair: interfaces, multicast route, mDNS, peers (doctor --help)',
    run: (argv, io) => runDoctorCommand(argv, io),
  },
  {
    name: 'key',
    summary: 'swarm key: new (print one), show (join string for another machine), rotate (replace it)',
    run: (argv, io) => runKeyCommand(argv, io),
  },
  {
    name: 'peers',
    summary: 'block or unblock a node id: peers block <id>, peers unblock <id>',
    run: (argv, io) => runPeersCommand(argv, io),
  },
];

/** The subcommand the arguments start with, if any: only the first argument names one. */
export function findCliSubcommand(argv: readonly string[]): CliSubcommand | undefined {
  return CLI_SUBCOMMANDS.find((subcommand) => subcommand.name === argv[0]);
}

/** The Commands: section of `--help`. */
export function subcommandsHelp(): string {
  const width = Math.max(...CLI_SUBCOMMANDS.map((subcommand) => subcommand.name.length));
  return ['', 'Commands:', ...CLI_SUBCOMMANDS.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`)].join('\n');
}
