import { readFileSync, statSync } from 'node:fs';
import { API_KEY_PATTERN } from './api-key';

/** How a key file is read; tests pass fake ones. */
export interface KeyFileIo {
  /** Permission bits of the file (`stat.mode`); throws when it cannot be read. */
  mode(path: string): number;
  readText(path: string): string;
}

export type KeyFileResult = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly reason: string };

/** Group or others may read the file. */
const READABLE_BY_OTHERS = 0o044;

const nodeIo: KeyFileIo = { mode: (path) => statSync(path).mode, readText: (path) => readFileSync(path, 'utf8') };

/**
 * Reads a secret key from a file holding that one key (a trailing newline is allowed). A file that
 * other users may read is refused: the key would not be a secret. The reason never quotes the
 * file's content, so an error line cannot leak a key that is merely malformed.
 */
export function readKeyFile(path: string, io: KeyFileIo = nodeIo, platform: NodeJS.Platform = process.platform): KeyFileResult {
  let text: string;
  let mode: number;
  try {
    mode = io.mode(path);
    text = io.readText(path);
  } catch (error: unknown) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    return { ok: false, reason: `cannot read ${path} (${code})` };
  }
  // Windows has no such permission bits; its ACLs are the user's to set.
  if (platform !== 'win32' && (mode & READABLE_BY_OTHERS) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    return { ok: false, reason: `${path} is readable by other users (mode ${octal}); run chmod 600 ${path}` };
  }
  const key = text.replace(/\r?\n$/, '');
  if (!API_KEY_PATTERN.test(key)) {
    return { ok: false, reason: `${path} must hold one key of at least 32 characters of A-Z a-z 0-9 . _ ~ + / = - (a trailing newline is allowed)` };
  }
  return { ok: true, key };
}
