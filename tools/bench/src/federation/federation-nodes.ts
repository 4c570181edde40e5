import type { NodeLan } from '@local-swarm/test-netns';
import type { BenchSwarm } from './bench-swarm';
import type { FederationOptions } from './federation-options';
import type { FederationMode } from './federation-samples';

/** Distinct ports: every namespace shares the machine's hostname, and the mDNS name holds host and port. */
const PORTS = { a: 17615, b: 17616 } as const;
/** A nodes share core 0, B nodes core 1, whatever their mode: the modes are compared on the same cores. */
const CORES = { a: 0, b: 1 } as const;

/**
 * The flags of node `role` of a pair. Sealed: the pair's swarm key file and a config dir of the
 * node's own (its identity, so its id, kept across restarts); `--node-id` is then only a display
 * name. Open: `--federation-open`, known by its `--node-id`. Every node gets its config dir in
 * the benchmark's temporary state, never the machine's own.
 */
export function federationNodeArgs(mode: FederationMode, role: 'a' | 'b', swarm: BenchSwarm, options: FederationOptions): string[] {
  const trust = mode === 'sealed' ? ['--swarm-key-file', swarm.swarmKeyFile] : ['--federation-open'];
  return [
    '--federation',
    ...trust,
    '--config-dir',
    swarm.configDir(`${mode}-${role}`),
    '--node-id',
    `bench-${role}`,
    '--threads',
    '1',
    '--instances',
    String(options.instances),
    '--context-size',
    '512',
    ...(options.model !== undefined ? ['--model', options.model] : []),
    // A logs where each peer vote's time went ("peer vote asked"), only at debug level.
    ...(role === 'a' ? ['--log-level', 'debug'] : []),
  ];
}

/** Starts node `role` of a pair on its LAN host of the same name, its core and its port. */
export function startPairNode(lan: NodeLan, mode: FederationMode, role: 'a' | 'b', swarm: BenchSwarm, options: FederationOptions): ReturnType<NodeLan['startNode']> {
  return lan.startNode(role, federationNodeArgs(mode, role, swarm, options), { cpus: [CORES[role]], port: PORTS[role] });
}
