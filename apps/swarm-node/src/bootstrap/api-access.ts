import type { PrivateFileIo } from '@local-swarm/federation-protocol';
import type { AddressClass, BindChoice } from '@local-swarm/net-binding';
import type { NodeConfig } from '../config';
import { ApiKey } from '../security/api-key';
import { readKeyFile } from '../security/read-key-file';
import { StartupError } from './startup-error';

/** Addresses only the machine itself or the local network can reach. */
const LOCAL_ADDRESS_CLASSES: ReadonlySet<AddressClass> = new Set(['loopback', 'private', 'cgnat', 'link_local']);

/** The node's API key from --api-key-file, or null without one; a bad file stops the start (exit 2). */
export function readNodeApiKey(config: Pick<NodeConfig, 'apiKeyFile'>, io?: PrivateFileIo): ApiKey | null {
  if (config.apiKeyFile === null) return null;
  const result = readKeyFile(config.apiKeyFile, io);
  if (!result.ok) throw new StartupError(`--api-key-file: ${result.reason}`);
  return new ApiKey(result.key);
}

/**
 * Listening on every interface (0.0.0.0, ::) or on an address outside the local network without
 * an API key would hand the prompts to whoever reaches the port: the start is refused instead.
 */
export function checkBindExposure(bind: Pick<BindChoice, 'address' | 'addressClass'>, apiKey: ApiKey | null): void {
  if (apiKey !== null || LOCAL_ADDRESS_CLASSES.has(bind.addressClass)) return;
  const where = bind.addressClass === 'unspecified' ? 'every interface' : `a ${bind.addressClass.replace('_', '-')} address`;
  throw new StartupError(
    `--host ${bind.address} listens on ${where}, beyond the local network; give --api-key-file <path> so only key holders can use the API, or listen on a private address`,
  );
}
