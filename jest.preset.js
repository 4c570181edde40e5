// Shared jest settings for every project. Each project's jest.config.ts spreads this.
// ts-jest compiles with the project's tsconfig.spec.json; `isolatedModules` is required there
// because module=node16 keeps `import()` as a real dynamic import (ts-jest otherwise rewrites it into require(), which an ESM-only package such as node-llama-cpp refuses).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Resolve @local-swarm/* to sources so a lib's tests never need a prior build.
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: `${__dirname}/` }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
