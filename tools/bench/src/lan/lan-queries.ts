import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import { peerPresence, readPeerList, type PeerPresence } from './peer-list';

/** How `observer` lists the peer `nodeId` right now (asked from inside the observer's own namespace). */
export async function presenceSeenBy(lan: NodeLan, observer: LanNode, nodeId: string): Promise<PeerPresence> {
  const reply = await lan.request(observer.host, 'GET', `${observer.url}/v1/federation/peers`, undefined, {}, 5_000);
  return peerPresence(readPeerList(reply.json<unknown>()), nodeId);
}

/**
 * Polls `observer`'s peer list every `intervalMs` until it lists `nodeId` as `wanted`, and returns
 * the epoch ms of the reply that first did (resolution: the interval plus one request, a few ms).
 */
export async function waitForPresence(
  lan: NodeLan,
  observer: LanNode,
  nodeId: string,
  wanted: PeerPresence,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<number> {
  let seenAt = Number.NaN;
  await lan.waitFor(
    `${observer.host.label} to list ${nodeId} as ${wanted}`,
    async () => {
      const presence = await presenceSeenBy(lan, observer, nodeId);
      seenAt = Date.now();
      return presence === wanted;
    },
    options.timeoutMs,
    options.intervalMs ?? 25,
  );
  return seenAt;
}
