import { PersistedLearnedWeights, type PeerDirectory } from '@local-swarm/federation';
import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type pino from 'pino';
import { APP_LOGGER, LOCAL_SWARM, NODE_SETTINGS, type LocalSwarm, type NodeSettings } from '../core/core.tokens';
import { LEARNED_WEIGHTS } from './peers.tokens';

/**
 * weighted_vote weights learned from agreement (`weights: auto`), kept in the settings' file:
 * this node's own and its sealed (paired) peers' histories are saved; a peer of an open federation
 * or an OpenAI-compatible server is learned in memory only, since anyone may claim its id.
 */
export function learnedWeightsProvider(directory: { readonly inject: typeof PeerDirectory; readonly paired: boolean } | null): Provider {
  return {
    provide: LEARNED_WEIGHTS,
    useFactory: (settings: NodeSettings, swarm: LocalSwarm, logger: pino.Logger, peers?: PeerDirectory) =>
      PersistedLearnedWeights.load({
        path: settings.learnedWeightsFile ?? null,
        isPersisted: (source) => source === swarm.id || (directory?.paired === true && peers !== undefined && isSealedPeer(peers, source)),
        warn: (message) => logger.warn(message),
      }),
    inject: [NODE_SETTINGS, LOCAL_SWARM, APP_LOGGER, ...(directory === null ? [] : [directory.inject])],
  };
}

function isSealedPeer(peers: PeerDirectory, nodeId: string): boolean {
  return peers.list().some((row) => row.node_id === nodeId && row.trust === 'paired' && row.source !== 'openai');
}

/** Saves what was learned since the last save when Nest shuts down. */
@Injectable()
export class LearnedWeightsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(LEARNED_WEIGHTS) private readonly learned: PersistedLearnedWeights) {}

  onApplicationShutdown(): void {
    this.learned.close();
  }
}
