/** Unit tests of @local-swarm/swarm-core: fast, no model, no network. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'swarm-core',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
