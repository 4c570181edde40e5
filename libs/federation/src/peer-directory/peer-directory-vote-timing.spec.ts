/** The directory logs where a peer vote's time went only when asked (timeVotes: the node's debug logging). */
import type { FederationLogger } from '@local-swarm/federation-protocol';
import { PeerDirectory } from './peer-directory';

function directoryLogging(timeVotes: boolean | undefined): { directory: PeerDirectory; debugLines: [string, unknown][] } {
  const debugLines: [string, unknown][] = [];
  const logger: FederationLogger = { debug: (message, fields) => debugLines.push([message, fields]), info: () => undefined, warn: () => undefined, error: () => undefined };
  const directory = new PeerDirectory({
    nodeId: 'node-self',
    settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: 5000, allowLoopbackPeers: true },
    logger,
    onVoteFailed: () => undefined,
    ...(timeVotes !== undefined && { timeVotes }),
  });
  return { directory, debugLines };
}

describe('PeerDirectory vote timing', () => {
  it('logs a timed vote at debug level under its request id when timeVotes is on', () => {
    const { directory, debugLines } = directoryLogging(true);
    directory.onVoteTiming?.('peer-b', 'req-1', { phases: { build: 0.1, screen: 0.02 }, reusedConnection: true });
    expect(debugLines).toEqual([['peer vote asked', { requestId: 'req-1', nodeId: 'peer-b', phases: { build: 0.1, screen: 0.02 }, reusedConnection: true }]]);
  });

  it.each([false, undefined])('asks sources for no timing with timeVotes %s', (timeVotes) => {
    expect(directoryLogging(timeVotes).directory.onVoteTiming).toBeUndefined();
  });
});
