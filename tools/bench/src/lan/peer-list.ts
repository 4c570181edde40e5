/** One row of a node's `GET /v1/federation/peers`, the fields a benchmark reads. */
export interface PeerRow {
  readonly nodeId: string;
  readonly status: string;
  readonly source: string;
}

/** Status of a peer in a list, `absent` when the list does not hold it (removed, or not found yet). */
export type PeerPresence = 'healthy' | 'unhealthy' | 'expired' | 'absent' | 'other';

/** Reads the peers list; rows without a node_id or status are skipped, a body that is no list is empty. */
export function readPeerList(body: unknown): PeerRow[] {
  if (!Array.isArray(body)) return [];
  const rows: PeerRow[] = [];
  for (const item of body as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { node_id: nodeId, status, source } = item as Record<string, unknown>;
    if (typeof nodeId !== 'string' || typeof status !== 'string') continue;
    rows.push({ nodeId, status, source: typeof source === 'string' ? source : 'unknown' });
  }
  return rows;
}

export function peerPresence(rows: readonly PeerRow[], nodeId: string): PeerPresence {
  const status = rows.find((row) => row.nodeId === nodeId)?.status;
  if (status === undefined) return 'absent';
  return status === 'healthy' || status === 'unhealthy' || status === 'expired' ? status : 'other';
}
