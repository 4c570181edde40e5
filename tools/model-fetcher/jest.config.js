/** Unit tests of the model fetcher: small zips the tests build themselves, a fake pip, no network. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'model-fetcher',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
