/** Unit tests of @local-swarm/discovery: fast, no model, no network. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'discovery',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
