import type { SwarmLoad } from '@local-swarm/swarm-core';

/** The local swarm's load as /health and the dashboard show it. */
export interface LoadWire {
  readonly busy_instances: number;
  readonly capacity: number;
  readonly queued_requests: number;
  readonly max_queue: number;
}

export function loadToWire(load: SwarmLoad): LoadWire {
  return {
    busy_instances: load.busyInstances,
    capacity: load.capacity,
    queued_requests: load.queuedRequests,
    max_queue: load.maxQueue,
  };
}
