/**
 * `node_id` of a node's `GET /health`: the id its peers list it by (a paired node's is derived
 * from its key, whatever `--node-id` says); null when the body has none.
 */
export function readHealthNodeId(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const nodeId = (body as Record<string, unknown>)['node_id'];
  return typeof nodeId === 'string' && nodeId !== '' ? nodeId : null;
}
