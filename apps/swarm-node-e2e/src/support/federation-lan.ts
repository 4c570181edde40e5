import { createLan, LOCAL_SWARM_API_PORT, NodeLan, type HostRef, type LanNode, type StartNodeOptions } from '@local-swarm/test-netns';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_ENTRY } from './swarm-node-process';

export type { HttpReply, LanNode } from '@local-swarm/test-netns';

/** The API port every node uses on its own host, as on a real LAN. */
export const API_PORT = LOCAL_SWARM_API_PORT;

/** Flags that already say how a node federates: the LAN's shared key is not added to them. */
const TRUST_FLAGS = ['--federation-open', '--join', '--swarm-key-file'];

/**
 * A LAN of network namespaces with swarm nodes on it (libs/test-netns NodeLan), running the
 * built node of this repository. Requests are made from inside a host's namespace.
 *
 * Each node gets a config directory of its own (its identity, stored keys and block list), as
 * on separate machines, kept across restarts of the same host and port; a federated node joins
 * the LAN's one swarm key unless its flags say otherwise. Everything lives in a temporary
 * directory removed by destroy(): nothing is written to the machine's own config.
 */
export class FederationLan extends NodeLan {
  /** This LAN's swarm key file (64 hex digits, mode 0600). */
  readonly swarmKeyFile: string;
  private readonly stateRoot: string;

  static async create(hosts: readonly string[]): Promise<FederationLan> {
    return new FederationLan(await createLan({ hosts }), { entry: NODE_ENTRY });
  }

  private constructor(...args: ConstructorParameters<typeof NodeLan>) {
    super(...args);
    this.stateRoot = mkdtempSync(join(tmpdir(), 'local-swarm-lan-'));
    this.swarmKeyFile = join(this.stateRoot, 'swarm.key');
    writeFileSync(this.swarmKeyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  }

  /** The config directory a node on `ref` (and `port`) uses. */
  configDir(ref: HostRef, port: number = API_PORT): string {
    const dir = join(this.stateRoot, `${this.host(ref).name}-${port}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  override startNode(ref: HostRef, args: readonly string[], options: StartNodeOptions = {}): Promise<LanNode> {
    const state = args.includes('--config-dir') ? [] : ['--config-dir', this.configDir(ref, options.port)];
    const joinsLanSwarm = args.includes('--federation') && !args.some((arg) => TRUST_FLAGS.includes(arg));
    return super.startNode(ref, [...args, ...state, ...(joinsLanSwarm ? ['--swarm-key-file', this.swarmKeyFile] : [])], options);
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    rmSync(this.stateRoot, { recursive: true, force: true });
  }
}
