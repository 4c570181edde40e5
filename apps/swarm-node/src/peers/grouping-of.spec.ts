import type { EmbeddingService } from '@local-swarm/swarm-core';
import type pino from 'pino';
import type { LocalSwarm } from '../core/core.tokens';
import { TEST_NODE_SETTINGS } from '../testing/test-node-settings';
import { groupingOf } from './grouping-of';

const embeddings = { embed: jest.fn() } as unknown as EmbeddingService;
const swarmWith = (service: EmbeddingService | null): LocalSwarm => ({ embeddings: service }) as unknown as LocalSwarm;

describe('groupingOf', () => {
  const warn = jest.fn();
  const logger = { warn } as unknown as pino.Logger;
  beforeEach(() => warn.mockClear());

  it('is off by default', () => {
    expect(groupingOf(TEST_NODE_SETTINGS, swarmWith(embeddings), logger)).toEqual({});
  });

  it('with a threshold, embeds with the node’s embedding service', () => {
    expect(groupingOf({ ...TEST_NODE_SETTINGS, semanticThreshold: 0.9 }, swarmWith(embeddings), logger)).toEqual({ semantic: { embedder: embeddings, threshold: 0.9 } });
  });

  it('a model that cannot embed leaves the layer off with a warning', () => {
    expect(groupingOf({ ...TEST_NODE_SETTINGS, semanticThreshold: 0.9 }, swarmWith(null), logger)).toEqual({});
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
