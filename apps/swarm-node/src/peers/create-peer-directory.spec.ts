/** Peer votes are timed (and their phases logged) only when the node logs at debug level. */
import pino from 'pino';
import { DEFAULT_FEDERATION_CONFIG } from '../config';
import { RequestEvents } from '../observability/request-events';
import { createPeerDirectory } from './create-peer-directory';
import type { FederationOptions } from './federation-options';

const options: FederationOptions = {
  nodeId: 'node-self',
  config: DEFAULT_FEDERATION_CONFIG,
  bind: { kind: 'all' },
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
