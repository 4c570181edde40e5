import { parsePeerAddress } from '@local-swarm/federation-protocol';
import { StartupError } from './startup-error';

/** Manual peers are checked before the model loads, so a typo fails in a second, not after it. */
export function checkPeerAddresses(peers: readonly string[]): void {
  for (const peer of peers) {
    const parsed = parsePeerAddress(peer);
    if (!parsed.ok) throw new StartupError(`--peer ${peer}: ${parsed.error.message}`);
  }
}
