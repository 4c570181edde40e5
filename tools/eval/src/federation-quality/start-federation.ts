import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import { allHealthy, readPeerStatuses } from './peer-status';

/** One node to start: where, as whom, with which model. */
export interface NodeSpec {
  /** LAN host label. */
  readonly host: string;
  readonly nodeId: string;
  /**
   * Its API port. Every node gets its own: the namespaces share the machine's hostname, and the
   * mDNS service name is made of host name and port, so equal ports would collide (and be renamed).
   */
  readonly port: number;
  readonly modelPath: string;
  /** CPUs to pin it to (taskset); empty: not pinned. */
  readonly cpus: readonly number[];
}

export interface NodeSettings {
  readonly instances: number;
  readonly contextSize: number;
  readonly threads: number;
  /** How long the asked node waits for its peers' votes; generous, since 3 nodes share 2 cores. */
  readonly voteTimeoutMs: number;
}

export interface StartedNode {
  readonly spec: NodeSpec;
  readonly node: LanNode;
  /** Model id it reports (`/v1/federation/health`): what its candidates carry as `model`. */
  readonly modelId: string;
}

export interface RunningFederation {
  /** In spec order; the first is the node asked. */
  readonly nodes: readonly StartedNode[];
  /** Spawn of the nodes to the asked node listing every other one healthy. */
  readonly readyMs: number;
}

const PEERS_TIMEOUT_MS = 60_000;

export function nodeArgs(spec: NodeSpec, settings: NodeSettings): string[] {
  return [
    // Open federation: the nodes are known by their --node-id (a paired node's id comes from its key).
    '--federation',
    '--federation-open',
    '--node-id',
    spec.nodeId,
    '--model',
    spec.modelPath,
    '--instances',
    String(settings.instances),
    '--threads',
    String(settings.threads),
    '--context-size',
    String(settings.contextSize),
    '--vote-timeout-ms',
    String(settings.voteTimeoutMs),
  ];
}

async function modelIdOf(lan: NodeLan, from: LanNode, node: LanNode): Promise<string> {
  const reply = await lan.request(from.host, 'GET', `${node.url}/v1/federation/health`, undefined, {}, 10_000);
  const body = reply.json<unknown>();
  const modelId = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['model_id'] : undefined;
  if (reply.status !== 200 || typeof modelId !== 'string') throw new Error(`${node.url}/v1/federation/health answered ${reply.status}: ${reply.text.slice(0, 200)}`);
  return modelId;
}

/**
 * Starts every node at once (each in its host's namespace, with federation on) and waits until
 * the first one lists all the others healthy: then a request to it is answered by all of them.
 */
export async function startFederation(lan: NodeLan, specs: readonly NodeSpec[], settings: NodeSettings): Promise<RunningFederation> {
  const spawnedAt = Date.now();
  const started = await Promise.all(
    specs.map(async (spec) => ({ spec, node: await lan.startNode(spec.host, nodeArgs(spec, settings), { port: spec.port, startTimeoutMs: 120_000, ...(spec.cpus.length > 0 ? { cpus: spec.cpus } : {}) }) })),
  );
  const asked = started[0]?.node;
  if (asked === undefined) throw new RangeError('startFederation needs at least one node');
  const peerIds = specs.slice(1).map((spec) => spec.nodeId);
  await lan.waitFor(
    `${specs[0]?.nodeId ?? 'the first node'} to list ${peerIds.join(', ')} healthy`,
    async () => {
      const reply = await lan.request(asked.host, 'GET', `${asked.url}/v1/federation/peers`, undefined, {}, 5_000);
      return allHealthy(readPeerStatuses(reply.json<unknown>()), peerIds);
    },
    PEERS_TIMEOUT_MS,
    100,
  );
  const readyMs = Date.now() - spawnedAt;
  const nodes = await Promise.all(started.map(async ({ spec, node }) => ({ spec, node, modelId: await modelIdOf(lan, asked, node) })));
  return { nodes, readyMs };
}
