/** Packaging test of every publishable @local-swarm lib: builds, packs, installs the tarballs, imports them. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'packaging',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
