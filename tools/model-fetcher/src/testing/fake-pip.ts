import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunCommand, RunResult } from '../run-command';

export interface FakePipCall {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * A RunCommand standing in for pip: `--version` succeeds for the commands in `installed`;
 * `download ... --dest <dir> <requirement>` writes `wheels[requirement]` (file name + bytes).
 */
export function fakePip(options: {
  readonly installed: readonly string[];
  readonly wheels?: Readonly<Record<string, { readonly file: string; readonly bytes: Buffer }>>;
  readonly downloadExitCode?: number;
}): { readonly run: RunCommand; readonly calls: FakePipCall[] } {
  const calls: FakePipCall[] = [];
  const run: RunCommand = async (command, args): Promise<RunResult> => {
    calls.push({ command, args });
    if (!options.installed.includes(command)) return { kind: 'not-found' };
    if (args.includes('--version')) return { kind: 'exited', exitCode: 0, outputTail: 'pip 24.0' };
    const dest = args[args.indexOf('--dest') + 1] ?? '';
    const requirement = args[args.length - 1] ?? '';
    if (options.downloadExitCode !== undefined && options.downloadExitCode !== 0) {
      return { kind: 'exited', exitCode: options.downloadExitCode, outputTail: 'ERROR: No matching distribution found\n' };
    }
    const wheel = options.wheels?.[requirement];
    if (wheel !== undefined) {
      await mkdir(dest, { recursive: true });
      await writeFile(join(dest, wheel.file), wheel.bytes);
    }
    return { kind: 'exited', exitCode: 0, outputTail: 'Saved\n' };
  };
  return { run, calls };
}
