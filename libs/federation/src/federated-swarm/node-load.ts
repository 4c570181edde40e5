/** Load figures of a node, local or remote, as balancing compares them. */
export interface NodeLoad {
  readonly busyInstances: number;
  readonly queuedRequests: number;
  readonly capacity: number;
}
