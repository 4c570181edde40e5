/** Unit tests of tools/eval: pure logic only (no model, no network, no timings). */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'eval',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
