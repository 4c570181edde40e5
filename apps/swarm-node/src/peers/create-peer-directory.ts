import { PeerDirectory, type LocalModel } from '@local-swarm/federation';
import type pino from 'pino';
import { toLibLogger } from '../logging/app-logger';
import type { RequestEvents } from '../observability/request-events';
import type { FederationOptions } from './federation-options';

/**
 * The node's peer directory: its log lines in the node's log, its failed votes as `vote-failed`
 * events, sealed when paired; a peer naming `localModel`'s model with another file is not asked.
 */
export function createPeerDirectory(options: FederationOptions, logger: pino.Logger, events: RequestEvents, localModel?: () => LocalModel): PeerDirectory {
  return new PeerDirectory({
    nodeId: options.nodeId,
    settings: options.config,
    logger: toLibLogger(logger),
    onVoteFailed: (failure) => events.emit('vote-failed', failure),
    membership: options.membership,
    trust: { ownKeyId: options.membership?.keyId ?? null, isBlocked: options.isBlocked ?? (() => false) },
    ...(options.openAiKeys !== undefined && { openAiKeys: options.openAiKeys }),
    ...(localModel !== undefined && { localModel }),
    // Where each peer vote's time went, logged only where someone reads debug lines.
    timeVotes: logger.isLevelEnabled('debug'),
  });
}
