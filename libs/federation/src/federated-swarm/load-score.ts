import type { NodeLoad } from './node-load';

/** Load of a node as a fraction of its capacity: busy and queued work (and our requests in flight) per instance. */
export function loadScore(load: NodeLoad, inFlight = 0): number {
  return (load.busyInstances + load.queuedRequests + inFlight) / Math.max(1, load.capacity);
}
