/** One row of a node's `GET /v1/federation/peers`, the fields this eval reads. */
export interface PeerStatus {
  readonly nodeId: string;
  readonly status: string;
  readonly modelId: string | null;
}

/** Reads a peers list; rows without node_id or status are skipped, a body that is no list is empty. */
export function readPeerStatuses(body: unknown): PeerStatus[] {
  if (!Array.isArray(body)) return [];
  const rows: PeerStatus[] = [];
  for (const item of body as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { node_id: nodeId, status, model_id: modelId } = item as Record<string, unknown>;
    if (typeof nodeId !== 'string' || typeof status !== 'string') continue;
    rows.push({ nodeId, status, modelId: typeof modelId === 'string' ? modelId : null });
  }
  return rows;
}

/** True when every one of `nodeIds` is listed and healthy. */
export function allHealthy(rows: readonly PeerStatus[], nodeIds: readonly string[]): boolean {
  return nodeIds.every((nodeId) => rows.some((row) => row.nodeId === nodeId && row.status === 'healthy'));
}
