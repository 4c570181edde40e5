import { readSwarmKeyFile, swarmKeyId } from '@local-swarm/federation-protocol';
import { configDirOf } from './config-dir';
import { readStoredSwarmKey } from './stored-swarm-key';

/**
 * The key id this machine's node would advertise (LOCAL_SWARM_KEY_FILE, else the config dir's
 * stored key), read without creating anything; null when there is none or it cannot be read.
 */
export function ownSwarmKeyId(env: NodeJS.ProcessEnv = process.env): string | null {
  const keyFile = env['LOCAL_SWARM_KEY_FILE'];
  const key = keyFile !== undefined && keyFile !== '' ? readSwarmKeyFile(keyFile) : readStoredSwarmKey(configDirOf(null, env));
  return key.ok && key.value !== null ? swarmKeyId(key.value) : null;
}
