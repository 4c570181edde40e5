import { isIP } from 'node:net';
import { parsePeerAddress, peerAddressRefusal } from '@local-swarm/federation-protocol';
import type { FederationConfig } from '../config';
import { StartupError } from './startup-error';

/**
 * Manual peers are checked before the model loads, so a typo fails in a second, not after it. An
 * IP address a peer may not have (public, a cloud metadata endpoint, loopback without
 * --allow-loopback-peers) is a configuration error too; a host name is checked each time the
 * node connects, against every address it then resolves to.
 */
export function checkPeerAddresses({ peers, allowLoopbackPeers }: Pick<FederationConfig, 'peers' | 'allowLoopbackPeers'>): void {
  for (const peer of peers) {
    const parsed = parsePeerAddress(peer);
    if (!parsed.ok) throw new StartupError(`--peer ${peer}: ${parsed.error.message}`);
    const { host } = parsed.peer;
    const refusal = isIP(host) === 0 ? null : peerAddressRefusal(host, { allowLoopback: allowLoopbackPeers });
    if (refusal !== null) {
      const hint = refusal.includes('loopback') ? ' (--allow-loopback-peers allows loopback peers)' : '';
      throw new StartupError(`--peer ${peer}: ${refusal}${hint}`);
    }
  }
}
