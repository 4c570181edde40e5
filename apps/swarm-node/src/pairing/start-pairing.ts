import type { SwarmMembership } from '@local-swarm/federation-protocol';
import { StartupError } from '../bootstrap/startup-error';
import type { FederationConfig } from '../config';
import type { FederationOptions } from '../peers/federation-options';
import { BlockList } from './block-list';
import { federationTrustLine, newSwarmHint, OPEN_FEDERATION_WARNING, resolveNodePairing } from './node-pairing';

/** What a federated node starts with: its membership (null: open), its block list and banner lines. */
export interface StartedPairing {
  readonly configDir: string;
  readonly membership: SwarmMembership | null;
  readonly blockList: BlockList;
  /** What FederationOptions needs of the pairing: the membership and the block list's check. */
  readonly federationOptions: Pick<FederationOptions, 'membership' | 'isBlocked' | 'block'>;
  /** `paired (key id …)` or `open (ANY host on the LAN may vote)`. */
  readonly trustLine: string;
  /** Extra banner lines: the open-federation warning, how to add machines to a new swarm. */
  readonly notes: readonly string[];
}

/** Resolves the swarm key, the identity and the block list of a federated node; a bad file stops the start. */
export function startPairing(federation: FederationConfig, env: NodeJS.ProcessEnv = process.env): StartedPairing {
  const pairing = resolveNodePairing(federation, env);
  const blocked = BlockList.load(pairing.configDir);
  if (!blocked.ok) throw new StartupError(blocked.message);
  const hint = newSwarmHint(pairing);
  const notes = pairing.membership === null ? [`  WARNING    ${OPEN_FEDERATION_WARNING}`] : hint === null ? [] : [hint];
  const blockList = blocked.list;
  return {
    configDir: pairing.configDir,
    membership: pairing.membership,
    blockList,
    federationOptions: {
      membership: pairing.membership,
      isBlocked: (nodeId) => blockList.isBlocked(nodeId),
      block: (nodeId) => blockList.block(nodeId),
    },
    trustLine: federationTrustLine(pairing),
    notes,
  };
}
