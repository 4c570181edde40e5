import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import { readHealthNodeId } from './health-node-id';
import { peerPresence, readPeerList, type PeerPresence, type PeerRow } from './peer-list';

/** The id `node`'s own `GET /health` reports (asked from `from`'s namespace); throws when it names none. */
export async function readNodeId(lan: NodeLan, from: LanNode, node: LanNode): Promise<string> {
  const reply = await lan.request(from.host, 'GET', `${node.url}/health`, undefined, {}, 5_000);
  const nodeId = readHealthNodeId(reply.json<unknown>());
  if (nodeId === null) throw new Error(`${node.url}/health names no node_id (HTTP ${reply.status}): ${reply.text.slice(0, 200)}`);
  return nodeId;
}

/**
 * A peer's id, or a way to learn it later: a node whose id is known only once it answers (a
 * paired node's first start) is looked up in every list polled so far as soon as it is known.
 */
export type PeerIdLookup = string | (() => string | null);

/**
 * Polls `observer`'s peer list every `intervalMs` until it lists the peer as `wanted`, and returns
 * the epoch ms of the reply that first did (resolution: the interval plus one request, a few ms).
 * While the peer's id is not known yet, every list is kept, so the first one that showed it
 * counts once it is.
 */
export async function waitForPresence(
  lan: NodeLan,
  observer: LanNode,
  peer: PeerIdLookup,
  wanted: PeerPresence,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<number> {
  const polled: { readonly at: number; readonly rows: readonly PeerRow[] }[] = [];
  let seenAt = Number.NaN;
  await lan.waitFor(
    `${observer.host.label} to list ${typeof peer === 'string' ? peer : 'the peer'} as ${wanted}`,
    async () => {
      const reply = await lan.request(observer.host, 'GET', `${observer.url}/v1/federation/peers`, undefined, {}, 5_000);
      polled.push({ at: Date.now(), rows: readPeerList(reply.json<unknown>()) });
      const nodeId = typeof peer === 'string' ? peer : peer();
      if (nodeId === null) return false;
      const first = polled.find((list) => peerPresence(list.rows, nodeId) === wanted);
      if (first === undefined) {
        polled.length = 0;
        return false;
      }
      seenAt = first.at;
      return true;
    },
    options.timeoutMs,
    options.intervalMs ?? 25,
  );
  return seenAt;
}
