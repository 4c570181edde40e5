/**
 * Multi-node tests of @local-swarm/discovery over real mDNS sockets, each node in its own network
 * namespace (libs/test-netns). They need root and the built lib: target `test-netns` builds first
 * and runs them with --runInBand.
 */
module.exports = {
  ...require('./jest.config.js'),
  displayName: 'discovery (netns)',
  testMatch: ['<rootDir>/src/**/*.netns-spec.ts'],
  testTimeout: 60_000,
};
