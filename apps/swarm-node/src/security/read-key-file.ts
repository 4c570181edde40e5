import { readPrivateFile, type PrivateFileIo } from '@local-swarm/federation-protocol';
import { API_KEY_PATTERN } from './api-key';

export type KeyFileResult = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads an API key from a file holding that one key (a trailing newline is allowed). The file must
 * be private, by the same rule as the node and swarm keys (readPrivateFile: 0600 or 0400). The
 * reason never quotes the file's content, so an error line cannot leak a key that is merely
 * malformed.
 */
export function readKeyFile(path: string, io?: PrivateFileIo, platform: NodeJS.Platform = process.platform): KeyFileResult {
  const text = readPrivateFile(path, 'key file', io, platform);
  if (!text.ok) return { ok: false, reason: text.message };
  const key = text.value.replace(/\r?\n$/, '');
  if (!API_KEY_PATTERN.test(key)) {
    return { ok: false, reason: `${path} must hold one key of at least 32 characters of A-Z a-z 0-9 . _ ~ + / = - (a trailing newline is allowed)` };
  }
  return { ok: true, key };
}
