/** Unit tests of @local-swarm/federation: fast, no model; peers are HTTP servers on 127.0.0.1. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'federation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
