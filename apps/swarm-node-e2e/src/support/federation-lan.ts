import { createLan, LOCAL_SWARM_API_PORT, NodeLan } from '@local-swarm/test-netns';
import { NODE_ENTRY } from './swarm-node-process';

export type { HttpReply, LanNode } from '@local-swarm/test-netns';

/** The API port every node uses on its own host, as on a real LAN. */
export const API_PORT = LOCAL_SWARM_API_PORT;

/**
 * A LAN of network namespaces with swarm nodes on it (libs/test-netns NodeLan), running the
 * built node of this repository. Requests are made from inside a host's namespace.
 */
export class FederationLan extends NodeLan {
  static async create(hosts: readonly string[]): Promise<FederationLan> {
    return new FederationLan(await createLan({ hosts }), { entry: NODE_ENTRY });
  }
}
