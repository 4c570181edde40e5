import { createHash } from 'node:crypto';

/**
 * A node's id: stable across restarts (same machine, address and port give the same id) and
 * distinct for two nodes on one machine, without a state file to keep. `--node-id` overrides it.
 */
export function deriveNodeId(parts: { hostname: string; address: string; port: number }): string {
  const digest = createHash('sha256').update(`${parts.hostname}|${parts.address}|${parts.port}`).digest('hex');
  return `ls-${digest.slice(0, 12)}`;
}
