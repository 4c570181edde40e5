/** How a peer became known: mDNS discovery, `--peer host:port`, or `--peer openai+http://…`. */
export type PeerSource = 'mdns' | 'manual' | 'openai';

/**
 * - `healthy`: answered its last health check(s); requests go to it.
 * - `unhealthy`: not yet checked, or failed `unhealthyAfterFailures` checks in a row.
 * - `expired`: mDNS stopped announcing it; no longer checked or asked.
 * - `quarantined`: broke the protocol again and again (extra or invalid candidates, bad replies);
 *   still checked, not asked for votes until its back-off has passed.
 */
export type PeerStatus = 'healthy' | 'unhealthy' | 'expired' | 'quarantined';

export const PEER_SOURCES: readonly PeerSource[] = ['mdns', 'manual', 'openai'];
export const PEER_STATUSES: readonly PeerStatus[] = ['healthy', 'unhealthy', 'expired', 'quarantined'];
