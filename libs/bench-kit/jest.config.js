/** Unit tests of @local-swarm/bench-kit: pure statistics and formatting. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'bench-kit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
