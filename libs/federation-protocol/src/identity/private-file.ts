import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KeyFileErrorCode, keyFileError, type KeyFileResult } from './key-file-error';

/**
 * Mode bits that let the group or others touch a file. Read: the secret is known to them. Write:
 * they can put a key of their choosing in place. Execute is refused too, as ssh does: a secret
 * file has no use for it, and one rule (0600 or 0400) is easier to state than a list of modes.
 */
const GROUP_OR_OTHER_BITS = 0o077;

/** How a private file is read; specs pass fake ones. */
export interface PrivateFileIo {
  /** The file's `stat.mode`; throws when it cannot be read. */
  mode(path: string): number;
  readText(path: string): string;
}

const NODE_IO: PrivateFileIo = { mode: (path) => statSync(path).mode, readText: (path) => readFileSync(path, 'utf8') };

/**
 * Reads a secret file (a node key, a swarm key, an API key), refusing it when its group or others
 * may read or write it (what ssh does with a private key): such a key may already be known to, or
 * chosen by, another user of the machine. Windows has no POSIX modes (Node reports 0o666): the
 * check would refuse every file there, so its ACLs are left to the user. The message never quotes
 * the file's content.
 */
export function readPrivateFile(
  path: string,
  what: string,
  io: PrivateFileIo = NODE_IO,
  platform: NodeJS.Platform = process.platform,
): KeyFileResult<string> {
  try {
    const mode = io.mode(path) & 0o777;
    if (platform !== 'win32' && (mode & GROUP_OR_OTHER_BITS) !== 0) {
      return keyFileError(
        KeyFileErrorCode.INSECURE_PERMISSIONS,
        `${what} ${path} has mode ${mode.toString(8).padStart(4, '0')}: group and others must not have access; ` +
          `run "chmod 600 ${path}" (or replace the key if others may have read it)`,
      );
    }
    return { ok: true, value: io.readText(path) };
  } catch (error: unknown) {
    return keyFileError(KeyFileErrorCode.UNREADABLE, `${what} ${path} cannot be read: ${describe(error)}`);
  }
}

/**
 * Creates a secret file with mode 0600 (its directory 0700 when created), never replacing one that
 * exists: the content goes to a private temporary file that is then hard-linked into place, so a
 * concurrent reader sees either no file or the whole key, and of two concurrent creators one wins
 * (`created: false`, the caller reads the winner's key).
 */
export function createPrivateFile(path: string, content: string, what: string): KeyFileResult<{ created: boolean }> {
  const temporary = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(descriptor, content);
    } finally {
      closeSync(descriptor);
    }
  } catch (error: unknown) {
    removeQuietly(temporary);
    return keyFileError(KeyFileErrorCode.UNREADABLE, `${what} ${path} cannot be created: ${describe(error)}`);
  }
  try {
    linkSync(temporary, path);
    return { ok: true, value: { created: true } };
  } catch (error: unknown) {
    if (isErrnoException(error) && error.code === 'EEXIST') return { ok: true, value: { created: false } };
    return keyFileError(KeyFileErrorCode.UNREADABLE, `${what} ${path} cannot be created: ${describe(error)}`);
  } finally {
    removeQuietly(temporary);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Never created (mkdir or open failed): nothing to clean up.
  }
}

// Duck-typed: errors thrown by node:fs come from another realm under jest and fail `instanceof Error`.
function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Node's own message, which starts with the code: `ENOENT: no such file or directory, stat '…'`. */
function describe(error: unknown): string {
  return isErrnoException(error) ? error.message : String(error);
}
