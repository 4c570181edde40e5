import { asModelId, asPeerId, type PeerHealth } from '@local-swarm/federation-protocol';
import type { SwarmInfo, SwarmLoad } from '@local-swarm/swarm-core';

/** This node as its health reply describes it to peers: identity, model, size and load. */
export function toPeerHealth(nodeId: string, version: string, info: Pick<SwarmInfo, 'modelId' | 'instances'>, load: SwarmLoad): Omit<PeerHealth, 'protocol'> {
  return {
    nodeId: asPeerId(nodeId),
    version,
    modelId: asModelId(info.modelId),
    instances: info.instances,
    load: { busyInstances: load.busyInstances, capacity: load.capacity, queuedRequests: load.queuedRequests, maxQueue: load.maxQueue },
  };
}
