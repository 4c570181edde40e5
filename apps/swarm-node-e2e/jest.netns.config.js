/**
 * Multi-node end-to-end tests: real swarm-node processes on a LAN of network namespaces made by
 * the test itself (libs/test-netns), the real default model. Needs root. Runs in band: every
 * suite starts several nodes and there are only 2 cores.
 */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'swarm-node-e2e (netns)',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.netns-e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testTimeout: 300_000,
};
