import { generateNodeIdentity, newSwarmKey, swarmMembership, writeSwarmKeyFile, type SwarmMembership } from '@local-swarm/federation-protocol';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The state of the benchmark's nodes, in one temporary directory removed by remove(): a swarm
 * key file (mode 0600) the sealed pair shares, and a config directory per node (its identity
 * and block list), kept across restarts so a restarted node keeps its key and so its id.
 * Nothing is written to the machine's own configuration.
 *
 * The benchmark itself is a member too (its own identity, the same key): it asks a sealed node
 * for a vote directly, as a peer would.
 */
export class BenchSwarm {
  readonly swarmKeyFile: string;
  readonly membership: SwarmMembership;
  private readonly root: string;

  constructor() {
    this.root = mkdtempSync(path.join(tmpdir(), 'local-swarm-bench-'));
    this.swarmKeyFile = path.join(this.root, 'swarm.key');
    const written = writeSwarmKeyFile(this.swarmKeyFile, newSwarmKey());
    if (!written.ok) throw new Error(`cannot write the benchmark's swarm key: ${written.message}`);
    this.membership = swarmMembership(written.value, generateNodeIdentity());
  }

  /** The config directory of the node called `name` (created on first use, mode 0700). */
  configDir(name: string): string {
    const dir = path.join(this.root, name);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
