/** Unit and in-process integration tests of the swarm-node app (no model: engines are faked here). */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'swarm-node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
