/** Unit tests of @local-swarm/test-netns: pure planning and probing, no root, no namespaces. */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'test-netns',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
