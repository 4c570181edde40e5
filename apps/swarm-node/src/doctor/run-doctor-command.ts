import { collectDoctorReport } from './collect-doctor-report';
import type { DoctorOptions } from './doctor-options';
import type { DoctorProbes } from './doctor-probes';
import { doctorExitCode } from './doctor-report';
import { formatDoctorJson, formatDoctorText } from './format-doctor-report';
import { parseDoctorArgs } from './parse-doctor-args';
import { systemDoctorProbes } from './system-doctor-probes';

/** Bad flags: the user must change something (the node's own usage exit code). */
const EXIT_USAGE = 2;

/**
 * `local-swarm doctor [--host <ip>] [--port <n>] [--timeout-ms <n>] [--json] [--config-dir <dir>]
 * [--swarm-key-file <path>]`: runs the checks,
 * writes the report, and returns the exit code (0 all pass, 1 any FAIL, 2 bad flags).
 */
export async function runDoctorCommand(
  argv: readonly string[],
  io: { readonly out: (text: string) => void; readonly err: (text: string) => void },
  probes: (options: DoctorOptions) => DoctorProbes = systemDoctorProbes,
): Promise<number> {
  const parsed = parseDoctorArgs(argv);
  if (parsed.ok === 'exit') {
    io.out(parsed.output);
    return 0;
  }
  if (!parsed.ok) {
    io.err(`local-swarm doctor: ${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const report = await collectDoctorReport(parsed.options, probes(parsed.options));
  io.out(parsed.options.json ? formatDoctorJson(report) : formatDoctorText(report));
  return doctorExitCode(report);
}
