import { parsePeerAddress, type PrivateFileIo } from '@local-swarm/federation-protocol';
import { readKeyFile } from '../security/read-key-file';
import { StartupError } from './startup-error';

/**
 * The API keys of OpenAI-compatible peers (`federation.openaiPeerKeyFiles`), by the base URL the
 * peer clients use. Each file follows the rules of --api-key-file (one key, readable by its owner
 * only); a bad entry stops the start with one clear line that never quotes a key.
 */
export function readOpenAiPeerKeys(keyFiles: Readonly<Record<string, string>>, io?: PrivateFileIo): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  for (const [address, path] of Object.entries(keyFiles)) {
    const parsed = parsePeerAddress(address);
    if (!parsed.ok || parsed.peer.kind !== 'openai') {
      throw new StartupError(`federation.openaiPeerKeyFiles: ${JSON.stringify(address)} is not an OpenAI-compatible peer (openai+http(s)://host:port/v1)`);
    }
    const read = readKeyFile(path, io);
    if (!read.ok) throw new StartupError(`federation.openaiPeerKeyFiles: ${read.reason}`);
    keys.set(parsed.peer.baseUrl, read.key);
  }
  return keys;
}
