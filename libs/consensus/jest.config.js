/** Unit tests of @local-swarm/consensus: fast, no model, no network. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'consensus',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
