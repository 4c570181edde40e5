/**
 * Model-dependent tests of @local-swarm/swarm-core: the real default GGUF through node-llama-cpp.
 * They drive the built library in a child process (see test-harness/swarm-worker.cjs for why),
 * so they need no --experimental-vm-modules.
 */
module.exports = {
  ...require('./jest.config.js'),
  displayName: 'swarm-core (model)',
  testMatch: ['<rootDir>/src/**/*.model-spec.ts'],
  testTimeout: 120_000,
};
