import { PeerDirectory } from '@local-swarm/federation';
import type { INestApplicationContext } from '@nestjs/common';
import { StartupError } from '../bootstrap/startup-error';
import { DiscoveryService } from './discovery.service';
import { FEDERATION_OPTIONS, type FederationOptions } from './federation-options';
import { PEER_VIEW, type PeerView } from './peers.tokens';

/** How long start-up waits for mDNS and the first health checks, so the banner can list peers. */
const INITIAL_DISCOVERY_WAIT_MS = 1500;

/**
 * Starts health checks and mDNS once the API listens on `apiPort`; returns the banner's peer
 * lines ([] with federation off). A configured peer address that does not parse closes the app
 * and throws a StartupError.
 */
export async function startPeers(app: INestApplicationContext, apiPort: number): Promise<string[]> {
  if (!app.get<PeerView>(PEER_VIEW).federation) return [];
  const directory = app.get(PeerDirectory);
  const started = directory.start();
  if (!started.ok) {
    await app.close();
    throw new StartupError(started.message);
  }
  await app.get(DiscoveryService).start(apiPort);
  const { config } = app.get<FederationOptions>(FEDERATION_OPTIONS);
  if (config.discovery || directory.list().length > 0) await new Promise((resolve) => setTimeout(resolve, INITIAL_DISCOVERY_WAIT_MS));
  return directory.list().map((peer) => `${peer.name} ${peer.address}:${peer.port} (${peer.source}, ${peer.status}, ${peer.node_id})`);
}
