import { KeyFileErrorCode, keyFileError, type KeyFileResult } from '../identity/key-file-error';
import { createPrivateFile, readPrivateFile } from '../identity/private-file';
import { SWARM_KEY_BYTES, SwarmKey } from './swarm-key';

/** Conventional name of the swarm key file in the node's configuration directory. */
export const SWARM_KEY_FILE_NAME = 'swarm.key';

const WHAT = 'swarm key file';
const SWARM_KEY_HEX_PATTERN = /^[0-9a-fA-F]{64}$/;

/** The key file's content: 64 lower-case hex characters and a newline. */
export function formatSwarmKey(key: SwarmKey): string {
  return `${key.bytes().toString('hex')}\n`;
}

/** A key file's text: exactly 64 hex characters, optionally followed by one `\n` or `\r\n`. */
export function parseSwarmKey(text: string, source = 'swarm key'): KeyFileResult<SwarmKey> {
  const hex = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  if (hex.length !== SWARM_KEY_BYTES * 2) {
    return keyFileError(
      KeyFileErrorCode.INVALID_KEY_FILE,
      `${source} must hold ${SWARM_KEY_BYTES * 2} hex characters (${SWARM_KEY_BYTES} bytes), found ${hex.length} characters`,
    );
  }
  if (!SWARM_KEY_HEX_PATTERN.test(hex)) {
    return keyFileError(KeyFileErrorCode.INVALID_KEY_FILE, `${source} must hold only hex characters (0-9, a-f)`);
  }
  return { ok: true, value: SwarmKey.fromBytes(Buffer.from(hex, 'hex')) };
}

/** Reads a swarm key file, refusing one that group or others may access, of the wrong length or not hex. */
export function readSwarmKeyFile(path: string): KeyFileResult<SwarmKey> {
  const text = readPrivateFile(path, WHAT);
  return text.ok ? parseSwarmKey(text.value, `${WHAT} ${path}`) : text;
}

/**
 * Writes a new swarm key file (mode 0600, directory 0700 when created). Refuses to replace an
 * existing file: replacing a swarm key silently would cut this node off from its swarm.
 */
export function writeSwarmKeyFile(path: string, key: SwarmKey): KeyFileResult<SwarmKey> {
  const written = createPrivateFile(path, formatSwarmKey(key), WHAT);
  if (!written.ok) return written;
  if (!written.value.created) {
    return keyFileError(KeyFileErrorCode.ALREADY_EXISTS, `${WHAT} ${path} already exists: remove it first to replace the key`);
  }
  return { ok: true, value: key };
}
