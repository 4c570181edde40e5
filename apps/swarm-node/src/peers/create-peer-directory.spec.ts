/** Peer votes are timed (and their phases logged) only when the node logs at debug level. */
import pino from 'pino';
import { RequestEvents } from '../observability/request-events';
import { federationConfig, LOOPBACK_BIND } from '../testing/federation-fixtures';
import { createPeerDirectory } from './create-peer-directory';
import type { FederationOptions } from './federation-options';

const options: FederationOptions = {
  nodeId: 'node-self',
  config: federationConfig(),
  bind: LOOPBACK_BIND,
  hostname: 'desk',
  hardwareSummary: 'desk',
  membership: null,
};

describe('createPeerDirectory', () => {
  it.each([
    ['debug', true],
    ['info', false],
  ])('at log level %s times peer votes: %s', (level, timed) => {
    const directory = createPeerDirectory(options, pino({ level }), new RequestEvents());
    expect(directory.onVoteTiming !== undefined).toBe(timed);
  });
});
