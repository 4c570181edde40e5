import {
  KeyFileErrorCode,
  newSwarmKey,
  parseJoinString,
  readSwarmKeyFile,
  writeSwarmKeyFile,
  type KeyFileResult,
  type SwarmKey,
} from '@local-swarm/federation-protocol';
import { readStoredSwarmKey, replaceStoredSwarmKey, storedSwarmKeyPath } from './stored-swarm-key';

/** The federation settings that choose the swarm key. */
export interface SwarmKeySettings {
  readonly open: boolean;
  readonly join: string | null;
  readonly replaceKey: boolean;
  readonly keyFile: string | null;
}

/** Where the node's swarm key came from; `created`: this start made a new swarm. */
export type SwarmKeySource = 'join' | 'key file' | 'stored' | 'created';

export type SwarmKeyChoice =
  | { readonly kind: 'open' }
  | { readonly kind: 'paired'; readonly key: SwarmKey; readonly source: SwarmKeySource; readonly path: string };

/**
 * The swarm key this start uses, first match wins: --federation-open (none), --join (stored in the
 * config dir), --swarm-key-file / LOCAL_SWARM_KEY_FILE / federation.keyFile, the stored key, a new
 * key stored in the config dir. A join string for a different swarm than the stored key is refused
 * unless `replaceKey` says so: silently replacing a key would cut this machine off from its swarm.
 */
export function resolveSwarmKey(settings: SwarmKeySettings, configDir: string): KeyFileResult<SwarmKeyChoice> {
  if (settings.open) return { ok: true, value: { kind: 'open' } };
  const storedPath = storedSwarmKeyPath(configDir);
  if (settings.join !== null) return joinSwarm(settings.join, settings.replaceKey, configDir);
  if (settings.keyFile !== null) return paired(readSwarmKeyFile(settings.keyFile), 'key file', settings.keyFile);
  const stored = readStoredSwarmKey(configDir);
  if (!stored.ok) return stored;
  if (stored.value !== null) return paired({ ok: true, value: stored.value }, 'stored', storedPath);
  return paired(writeSwarmKeyFile(storedPath, newSwarmKey()), 'created', storedPath);
}

function joinSwarm(joinString: string, replaceKey: boolean, configDir: string): KeyFileResult<SwarmKeyChoice> {
  const joined = parseJoinString(joinString);
  if (!joined.ok) return joined;
  const path = storedSwarmKeyPath(configDir);
  const stored = readStoredSwarmKey(configDir);
  if (!stored.ok) return stored;
  if (stored.value === null) return paired(writeSwarmKeyFile(path, joined.value), 'join', path);
  if (stored.value.bytes().equals(joined.value.bytes())) return paired({ ok: true, value: stored.value }, 'join', path);
  if (!replaceKey) {
    return {
      ok: false,
      code: KeyFileErrorCode.ALREADY_EXISTS,
      message: `${path} holds the key of another swarm; add --replace-key to --join to replace it (the old key is kept as swarm.key.old)`,
    };
  }
  return paired(replaceStoredSwarmKey(configDir, joined.value), 'join', path);
}

function paired(key: KeyFileResult<SwarmKey>, source: SwarmKeySource, path: string): KeyFileResult<SwarmKeyChoice> {
  return key.ok ? { ok: true, value: { kind: 'paired', key: key.value, source, path } } : key;
}
