import type { FederationGrouping } from '@local-swarm/federation';
import type pino from 'pino';
import type { LocalSwarm, NodeSettings } from '../core/core.tokens';

/**
 * How this node's votes group candidates: by meaning too when `--semantic-grouping` is on and the
 * node can embed (its model, or `--embedding-model`). A model that cannot embed leaves the layer
 * off with a warning rather than the node down.
 */
export function groupingOf(settings: NodeSettings, swarm: LocalSwarm, logger: pino.Logger): FederationGrouping {
  const threshold = settings.semanticThreshold ?? null;
  if (threshold === null) return {};
  if (swarm.embeddings === null) {
    logger.warn({ threshold }, 'semantic grouping is off: the model cannot compute embeddings');
    return {};
  }
  return { semantic: { embedder: swarm.embeddings, threshold } };
}
