import { DEFAULT_FEDERATION_PORT } from '@local-swarm/federation-protocol';
import { Command, CommanderError } from 'commander';
import { DEFAULT_DOCTOR_TIMEOUT_MS, MAX_DOCTOR_TIMEOUT_MS, MIN_DOCTOR_TIMEOUT_MS, type DoctorOptions } from './doctor-options';

export type ParseDoctorResult =
  | { readonly ok: true; readonly options: DoctorOptions }
  | { readonly ok: false; readonly message: string }
  /** --help: print `output` and exit 0. */
  | { readonly ok: 'exit'; readonly output: string };

const INTEGER = /^\d{1,9}$/;

/** Parses the arguments after `doctor`. Pure: no process exit, no output. */
export function parseDoctorArgs(argv: readonly string[]): ParseDoctorResult {
  const sink = { text: '' };
  const command = new Command('local-swarm doctor')
    .description('Check why this machine does not pair with the others: interfaces, multicast route, mDNS, peers.')
    .option('--host <ip>', 'the address the node would be given (default: chosen as the node does)')
    .option('--port <n>', `API port the probe service advertises (default: ${DEFAULT_FEDERATION_PORT})`)
    .option('--timeout-ms <n>', `how long to listen for mDNS, ${MIN_DOCTOR_TIMEOUT_MS}-${MAX_DOCTOR_TIMEOUT_MS} (default: ${DEFAULT_DOCTOR_TIMEOUT_MS})`)
    .option('--json', 'print a machine-readable report')
    .option('--config-dir <dir>', "the node's config dir, if it is started with --config-dir (its block list and stored swarm key)")
    .option('--swarm-key-file <path>', 'the swarm key file, if the node is started with --swarm-key-file')
    .helpOption('-h, --help', 'print this help and exit')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (text) => (sink.text += text), writeErr: (text) => (sink.text += text), outputError: () => undefined });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error: unknown) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? { ok: 'exit', output: sink.text } : { ok: false, message: error.message };
  }
  const raw = command.opts<{ host?: string; port?: string; timeoutMs?: string; json?: boolean; configDir?: string; swarmKeyFile?: string }>();
  const port = integerIn(raw.port, DEFAULT_FEDERATION_PORT, 1, 65_535);
  if (port === null) return { ok: false, message: `--port must be an integer from 1 to 65535, got ${JSON.stringify(raw.port)}` };
  const timeoutMs = integerIn(raw.timeoutMs, DEFAULT_DOCTOR_TIMEOUT_MS, MIN_DOCTOR_TIMEOUT_MS, MAX_DOCTOR_TIMEOUT_MS);
  if (timeoutMs === null) {
    const range = `${MIN_DOCTOR_TIMEOUT_MS} to ${MAX_DOCTOR_TIMEOUT_MS}`;
    return { ok: false, message: `--timeout-ms must be an integer from ${range}, got ${JSON.stringify(raw.timeoutMs)}` };
  }
  const host = raw.host?.trim() ?? null;
  if (host === '') return { ok: false, message: '--host must be an IP address, got ""' };
  if (raw.configDir?.trim() === '') return { ok: false, message: '--config-dir must name a folder, got ""' };
  if (raw.swarmKeyFile?.trim() === '') return { ok: false, message: '--swarm-key-file must name a file, got ""' };
  return {
    ok: true,
    options: { host, port, timeoutMs, json: raw.json === true, configDir: raw.configDir ?? null, swarmKeyFile: raw.swarmKeyFile ?? null },
  };
}

function integerIn(text: string | undefined, fallback: number, min: number, max: number): number | null {
  if (text === undefined) return fallback;
  if (!INTEGER.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}
