/** Unit tests of @local-swarm/federation-protocol: fast, no model, no network. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'federation-protocol',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
