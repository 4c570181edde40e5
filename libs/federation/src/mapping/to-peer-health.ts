import { asModelId, asPeerId, type PeerHealth } from '@local-swarm/federation-protocol';
import type { SwarmInfo, SwarmLoad } from '@local-swarm/swarm-core';

/**
 * This node as its health reply describes it to peers: identity, model, size and load.
 * `modelSha256` is the model file's digest when known: hashing gigabytes takes a while, so the
 * reply simply leaves it out until the node has it (peers then treat the model as unidentified).
 */
export function toPeerHealth(
  nodeId: string,
  version: string,
  info: Pick<SwarmInfo, 'modelId' | 'instances'>,
  load: SwarmLoad,
  modelSha256: string | null = null,
): Omit<PeerHealth, 'protocol'> {
  return {
    nodeId: asPeerId(nodeId),
    version,
    modelId: asModelId(info.modelId),
    ...(modelSha256 !== null ? { modelSha256 } : {}),
    instances: info.instances,
    load: { busyInstances: load.busyInstances, capacity: load.capacity, queuedRequests: load.queuedRequests, maxQueue: load.maxQueue },
  };
}
