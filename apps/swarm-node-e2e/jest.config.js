/**
 * End-to-end tests: a real swarm-node process on the real default model, driven by the official
 * `openai` client. Runs in band: every suite starts its own node and there are only 2 cores.
 */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'swarm-node-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testTimeout: 120_000,
};
