/** Unit and in-process integration tests of the swarm-node app (no model: engines are faked here). */
module.exports = {
  ...require('../../jest.preset.js'),
  moduleNameMapper: {
    ...require('../../jest.preset.js').moduleNameMapper,
    // ESM-only dependency of @fastify/static that jest cannot load on Node 20 (see the stub).
    '^content-disposition$': '<rootDir>/src/testing/content-disposition.stub.ts',
  },
  displayName: 'swarm-node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
