import {
  KeyFileErrorCode,
  readSwarmKeyFile,
  SWARM_KEY_FILE_NAME,
  writeSwarmKeyFile,
  type KeyFileResult,
  type SwarmKey,
} from '@local-swarm/federation-protocol';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** The previous key after a rotation or a `--join --replace-key`, kept so a mistake can be undone. */
export const OLD_SWARM_KEY_FILE_NAME = `${SWARM_KEY_FILE_NAME}.old`;

export function storedSwarmKeyPath(configDir: string): string {
  return join(configDir, SWARM_KEY_FILE_NAME);
}

/** The key stored in the config dir; null when there is none (a file that is there but bad is an error). */
export function readStoredSwarmKey(configDir: string): KeyFileResult<SwarmKey | null> {
  const path = storedSwarmKeyPath(configDir);
  return existsSync(path) ? readSwarmKeyFile(path) : { ok: true, value: null };
}

/**
 * Stores `key` as the config dir's swarm key, moving the current one (if any) to swarm.key.old,
 * which replaces an older `.old`: only the last key is worth going back to.
 */
export function replaceStoredSwarmKey(configDir: string, key: SwarmKey): KeyFileResult<SwarmKey> {
  const path = storedSwarmKeyPath(configDir);
  try {
    if (existsSync(path)) renameSync(path, join(configDir, OLD_SWARM_KEY_FILE_NAME));
  } catch (error: unknown) {
    const message = `swarm key file ${path} cannot be moved to ${OLD_SWARM_KEY_FILE_NAME}: ${String(error)}`;
    return { ok: false, code: KeyFileErrorCode.UNREADABLE, message };
  }
  return writeSwarmKeyFile(path, key);
}
