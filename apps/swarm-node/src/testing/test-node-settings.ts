import type { NodeSettings } from '../core/core.tokens';

/** Settings of a node under test; started 42 s ago, so uptime is visibly above zero. */
export const TEST_NODE_SETTINGS: NodeSettings = {
  version: '9.9.9-test',
  nodeId: 'node-self',
  strategy: 'majority',
  mode: 'vote',
  maxTokensLimit: 512,
  defaultMaxTokens: 256,
  hardwareSummary: 'test hardware',
  startedAt: new Date(Date.now() - 42_000),
};
