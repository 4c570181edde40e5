/** Unit tests of @local-swarm/gguf: small GGUF files the specs build themselves, no model. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'gguf',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
