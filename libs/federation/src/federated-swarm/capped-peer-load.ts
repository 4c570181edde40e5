import { MAX_CANDIDATES_PER_PEER } from '../sources/screen-peer-candidates';
import type { NodeLoad } from './node-load';

/**
 * A peer's reported load with its capacity capped by its advertised instance count and by
 * MAX_CANDIDATES_PER_PEER: a peer claiming a thousand free slots must not draw every request in
 * balance mode. Unknown instances: only the fixed cap applies.
 */
export function cappedPeerLoad(load: NodeLoad, advertisedInstances: number | null = null): NodeLoad {
  const instances = advertisedInstances === null ? MAX_CANDIDATES_PER_PEER : Math.max(0, advertisedInstances);
  return { ...load, capacity: Math.min(load.capacity, instances, MAX_CANDIDATES_PER_PEER) };
}
