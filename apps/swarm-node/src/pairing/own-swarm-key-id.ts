import { readSwarmKeyFile, swarmKeyId } from '@local-swarm/federation-protocol';
import { configDirOf } from './config-dir';
import { readStoredSwarmKey } from './stored-swarm-key';

/** Where the node finds its swarm key: `--swarm-key-file` and `--config-dir` when given. */
export interface OwnKeySources {
  readonly swarmKeyFile?: string | null;
  readonly configDir?: string | null;
}

/**
 * The key id this machine's node would advertise (the key file given, else LOCAL_SWARM_KEY_FILE,
 * else the config dir's stored key), read without creating anything; null when there is none or
 * it cannot be read.
 */
export function ownSwarmKeyId(sources: OwnKeySources = {}, env: NodeJS.ProcessEnv = process.env): string | null {
  const keyFile = sources.swarmKeyFile ?? env['LOCAL_SWARM_KEY_FILE'];
  const configDir = configDirOf(sources.configDir ?? null, env);
  const key = keyFile !== undefined && keyFile !== '' ? readSwarmKeyFile(keyFile) : readStoredSwarmKey(configDir);
  return key.ok && key.value !== null ? swarmKeyId(key.value) : null;
}
