/** Unit tests of @local-swarm/net-binding: fast, no model, no network. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'net-binding',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
