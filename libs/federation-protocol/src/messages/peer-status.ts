/** How a peer became known: mDNS discovery, `--peer host:port`, or `--peer openai+http://…`. */
export type PeerSource = 'mdns' | 'manual' | 'openai';

/**
 * - `healthy`: answered its last health check(s); requests go to it.
 * - `unhealthy`: not yet checked, or failed `unhealthyAfterFailures` checks in a row.
 * - `expired`: mDNS stopped announcing it; no longer checked or asked.
 * - `quarantined`: broke the protocol again and again (extra or invalid candidates, bad replies);
 *   still checked, not asked for votes until its back-off has passed.
 * - `ignored`: never asked: seen by mDNS as another swarm, an open node seen by a paired one, or
 *   blocked; or a registered peer that names this node's model but runs another file (asked again
 *   once its health report matches). Its `trust` and `reason` say why.
 */
export type PeerStatus = 'healthy' | 'unhealthy' | 'expired' | 'quarantined' | 'ignored';

/**
 * How far the listing node trusts a peer: `paired` (same swarm key, sealed traffic), `open` (open
 * federation, unsealed), `other swarm` (another key id), `blocked` (on the block list),
 * `quarantined` (protocol violations).
 */
export type PeerTrustWire = 'paired' | 'other swarm' | 'blocked' | 'quarantined' | 'open';
export const PEER_TRUSTS: readonly PeerTrustWire[] = ['paired', 'other swarm', 'blocked', 'quarantined', 'open'];

export const PEER_SOURCES: readonly PeerSource[] = ['mdns', 'manual', 'openai'];
export const PEER_STATUSES: readonly PeerStatus[] = ['healthy', 'unhealthy', 'expired', 'quarantined', 'ignored'];
