/**
 * Integration tests of @local-swarm/test-netns: they create real network namespaces, so they need
 * root and iproute2 (`ip`). Run with --runInBand (target `test-netns`).
 */
module.exports = {
  ...require('./jest.config.js'),
  displayName: 'test-netns (netns)',
  testMatch: ['<rootDir>/src/**/*.netns-spec.ts'],
  testTimeout: 60_000,
};
